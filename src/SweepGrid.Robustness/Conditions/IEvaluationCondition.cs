
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// One evaluation-time condition of a trial (clean, a corruption or an attack): it turns the test images into
/// the images the model is evaluated on. Conditions never retrain; a trial applies each of its conditions to
/// the same trained model.
/// </summary>
public interface IEvaluationCondition
{
    /// <summary>
    /// Canonical name, e.g. "clean", "brightness=0.8", "blur=0.5", "noise=0.3", "fgsm=0.1", "pgd=0.1",
    /// "deformed": what results are keyed by, and what <see cref="ConditionParser"/> reads back.
    /// </summary>
    string Name { get; }

    /// <summary>
    /// The images to evaluate, as a new tensor the caller owns (same shape, values in [0, 1]). Attacks use
    /// <paramref name="model"/> (in eval mode, restoring its mode) and <paramref name="labels"/>; corruptions
    /// ignore both. Seeded conditions give the same images on every call.
    /// </summary>
    /// <param name="model">The model the condition may attack; pass a <see cref="PreprocessedModel"/> to attack through a pre-processing stage.</param>
    /// <param name="images">float [N, C, H, W] in [0, 1].</param>
    /// <param name="labels">int64 [N], the true classes.</param>
    Tensor Apply(Module model, Tensor images, Tensor labels);
}
