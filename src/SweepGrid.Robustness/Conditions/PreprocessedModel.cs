
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// A classifier behind a pre-processing stage (a low-pass filter, a denoising autoencoder, any
/// <see cref="Module"/>): Forward(x) = classifier(stage(x)). Evaluating a condition "behind" the stage
/// means condition(x) → stage → classifier.
/// </summary>
/// <remarks>
/// Which model an attack differentiates is the caller's choice: give the attack this wrapper to attack the
/// whole pipeline (white box), or the bare <see cref="Classifier"/> and evaluate its adversarials with this
/// wrapper (the stage as a defence the attacker does not see, as in seed 004). Train/Eval reach both. Like
/// any module, disposing the wrapper disposes its children; it holds no tensors of its own, so a wrapper
/// over models that are still in use elsewhere is simply not disposed.
/// </remarks>
public sealed class PreprocessedModel : Module
{
    public PreprocessedModel(Module stage, Module classifier) : base(nameof(PreprocessedModel))
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(classifier);
        Stage = this.Register("stage", stage);
        Classifier = this.Register("classifier", classifier);
    }

    public Module Stage { get; }

    public Module Classifier { get; }

    public override Tensor forward(Tensor input)
    {
        using var cleaned = Stage.forward(input);
        return Classifier.forward(cleaned);
    }
}
