
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Puts a model (and every registered child) in eval mode and, when disposed, gives each module back
/// the exact mode it had: attacks and evaluations must see dropout off and batch-norm running
/// statistics, but must not leave a model that is half-way through training in eval mode.
/// </summary>
internal sealed class EvalModeScope : IDisposable
{
    private readonly List<(nn.Module Module, bool Training)> saved = [];

    public EvalModeScope(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Remember(model);
        model.eval();
    }

    public void Dispose()
    {
        // Pre-order: a parent's Train(…) resets its subtree, so every child is restored after its parent.
        foreach (var (module, training) in saved)
        {
            module.train(training);
        }
    }

    private void Remember(nn.Module module)
    {
        saved.Add((module, module.training));
        foreach (var (_, child) in module.named_children())
        {
            Remember(child);
        }
    }
}
