using SweepGrid.Torch;
using SweepGrid.Torch.Nn;

namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// A committee as one model, so that conditions and attacks can target it: Forward returns the log of the
/// mean of the members' softmax outputs, whose softmax is that mean and whose cross-entropy is the
/// committee's NLL. Like any module, disposing it disposes its members; it holds no tensors of its own, so
/// an ensemble over members still in use elsewhere is simply not disposed.
/// </summary>
public sealed class EnsembleModel : Module
{
    private readonly Module[] members;

    public EnsembleModel(IReadOnlyList<Module> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("an ensemble needs at least one member", nameof(members));
        }
        this.members = [.. members];
        for (var i = 0; i < this.members.Length; i++)
        {
            RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), this.members[i]);
        }
    }

    public IReadOnlyList<Module> Members => members;

    public override Tensor Forward(Tensor input)
    {
        using var scope = DisposeScope.Begin();
        // log((1/M)·Σₘ softmax(zₘ)) as a log-sum-exp of the members' log-softmax: finite (and with finite
        // gradients) even where a member's softmax underflows to 0.
        var logProbabilities = Tensor.Stack(members.Select(m => Functional.LogSoftmax(m.Forward(input), 1)).ToList());
        var (peak, _) = logProbabilities.Max(0, keepDim: true);
        var sum = (logProbabilities - peak).Exp().Sum(0);
        return (sum.Log() + peak.Squeeze(0) - Math.Log(members.Length)).MoveToOuterDisposeScope();
    }
}
