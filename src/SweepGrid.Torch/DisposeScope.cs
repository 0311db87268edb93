namespace SweepGrid.Torch;

/// <summary>
/// Frees every tensor created on this thread while the scope is the innermost one, when the scope is
/// disposed; tensors that must outlive it are moved out with <see cref="Tensor.MoveToOuterDisposeScope"/>
/// or <see cref="Tensor.DetachFromDisposeScope"/>. Training loops open one per step so native memory
/// is released deterministically instead of waiting for the garbage collector.
/// </summary>
/// <remarks>Scopes are per thread and must be disposed in reverse order of creation.</remarks>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? current;

    private readonly List<Tensor> tensors = [];
    private bool disposed;

    private DisposeScope(DisposeScope? outer) => Outer = outer;

    /// <summary>The innermost open scope on this thread, if any.</summary>
    public static DisposeScope? Current => current;

    /// <summary>The scope that was current when this one began.</summary>
    public DisposeScope? Outer { get; }

    /// <summary>Opens a scope that becomes the current one on this thread.</summary>
    public static DisposeScope Begin()
    {
        var scope = new DisposeScope(current);
        current = scope;
        return scope;
    }

    internal void Add(Tensor tensor) => tensors.Add(tensor);

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        if (current != this)
        {
            // Refused without marking the scope disposed, so a correct later Dispose still frees its tensors.
            throw new InvalidOperationException("dispose scopes must be disposed innermost first, on the thread that began them");
        }
        disposed = true;
        current = Outer;
        foreach (var tensor in tensors)
        {
            // Tensors moved to another scope (or detached) keep a different owner: leave them alone.
            if (ReferenceEquals(tensor.Scope, this))
            {
                tensor.Dispose();
            }
        }
        tensors.Clear();
    }
}
