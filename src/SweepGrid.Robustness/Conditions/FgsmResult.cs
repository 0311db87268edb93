
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// FGSM's adversarial images and, per input, whether its loss gradient was exactly zero — saturated
/// sigmoids (small temperatures) give such gradients and FGSM then moves nothing: gradient masking, to be
/// reported next to the robust accuracy (definitions.md, "Other pitfalls"). Disposing frees both tensors.
/// </summary>
public sealed class FgsmResult(Tensor adversarials, Tensor zeroGradient) : IDisposable
{
    /// <summary>[N, C, H, W] in [0, 1], within ε (L∞) of the inputs.</summary>
    public Tensor Adversarials { get; } = adversarials;

    /// <summary>bool [N]: true where every component of ∇ₓ CE was exactly 0 (the input is returned unchanged).</summary>
    public Tensor ZeroGradient { get; } = zeroGradient;

    /// <summary>The fraction of inputs whose gradient was exactly zero.</summary>
    public double ZeroGradientFraction
    {
        get
        {
            var count = ZeroGradient.shape[0];
            if (count == 0)
            {
                return 0;
            }
            using var asFloat = ZeroGradient.to(ScalarType.Float64);
            using var mean = asFloat.mean();
            return mean.item<double>();
        }
    }

    public void Dispose()
    {
        Adversarials.Dispose();
        ZeroGradient.Dispose();
    }
}
