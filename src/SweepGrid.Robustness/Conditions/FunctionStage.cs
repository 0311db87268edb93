
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// A parameter-free pre-processing stage from a function of the image batch (e.g.
/// <c>x =&gt; Corruptions.GaussianBlur(x, 1.0)</c>), so it can sit in a <see cref="PreprocessedModel"/>.
/// The function must return a new tensor and, to be attackable through, use differentiable ops.
/// </summary>
public sealed class FunctionStage(Func<Tensor, Tensor> function) : Module(nameof(FunctionStage))
{
    private readonly Func<Tensor, Tensor> function = function ?? throw new ArgumentNullException(nameof(function));

    public override Tensor forward(Tensor input) => function(input);
}
