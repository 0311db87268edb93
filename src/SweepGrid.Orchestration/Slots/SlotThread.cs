using System.Collections.Concurrent;
using SweepGrid.Robustness;

namespace SweepGrid.Orchestration.Slots;

/// <summary>
/// A long-lived thread that runs one slot's trials. libtorch's thread count (OpenMP's) and grad mode are
/// per thread, so a slot keeps one dedicated thread, configured once, instead of borrowing pool threads.
/// Work items run one at a time, in order.
/// </summary>
public sealed class SlotThread : IDisposable
{
    private readonly BlockingCollection<Action> work = new();
    private readonly Thread thread;

    public SlotThread(string name, int torchThreads)
    {
        Name = name;
        TorchThreads = torchThreads;
        thread = new Thread(Loop) { Name = name, IsBackground = true };
        thread.Start();
    }

    public string Name { get; }

    public int TorchThreads { get; }

    /// <summary>Runs <paramref name="function"/> on the slot's thread; the task completes with its result or exception.</summary>
    public Task<T> RunAsync<T>(Func<T> function)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        work.Add(() =>
        {
            try
            {
                completion.SetResult(function());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        });
        return completion.Task;
    }

    /// <summary>Stops accepting work and waits for the running item to finish.</summary>
    public void Dispose()
    {
        work.CompleteAdding();
        if (Thread.CurrentThread != thread)
        {
            thread.Join();
        }
        work.Dispose();
    }

    private void Loop()
    {
        TorchRuntime.SetThreads(TorchThreads);
        foreach (var item in work.GetConsumingEnumerable())
        {
            item();
        }
    }
}
