
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

    public EnsembleModel(IReadOnlyList<Module> members) : base(nameof(EnsembleModel))
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("an ensemble needs at least one member", nameof(members));
        }
        this.members = [.. members];
        for (var i = 0; i < this.members.Length; i++)
        {
            this.Register(i.ToString(System.Globalization.CultureInfo.InvariantCulture), this.members[i]);
        }
    }

    public IReadOnlyList<Module> Members => members;

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        // log((1/M)·Σₘ softmax(zₘ)) as a log-sum-exp of the members' log-softmax: finite (and with finite
        // gradients) even where a member's softmax underflows to 0.
        var logProbabilities = torch.stack(members.Select(m => nn.functional.log_softmax(m.forward(input), 1)).ToList());
        var (peak, _) = logProbabilities.max(0, keepdim: true);
        var sum = (logProbabilities - peak).exp().sum(dim: 0);
        return (sum.log() + peak.squeeze(0) - Math.Log(members.Length)).MoveToOuterDisposeScope();
    }
}
