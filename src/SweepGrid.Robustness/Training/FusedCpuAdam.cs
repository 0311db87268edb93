using System.Numerics;
using System.Runtime.InteropServices;

namespace SweepGrid.Robustness.Training;

/// <summary>
/// TorchSharp's Adam (same options, state, parameter groups and schedulers) whose step runs as one
/// pass over each parameter's memory on the CPU. TorchSharp's step issues seven tensor operations per
/// parameter, each a separate sweep over parameter-sized buffers plus a native call; for the small
/// models here the optimizer step was 45% of an MLP training step (bench/README.md, per-step
/// profile). One vectorised loop reads gradient, moments and weights once and writes them once.
/// It computes python3-torch's single-tensor Adam in float32, in its order:
/// m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; p ← p − (lr / (1−β₁ᵗ))·m / (√v / √(1−β₂ᵗ) + ε),
/// with g ← g + λp first when weight decay λ is set. Parameters on another device or of another
/// type, AMSGrad and maximize take TorchSharp's own step unchanged.
/// </summary>
internal sealed class FusedCpuAdam : TorchSharp.Modules.Adam
{
    public FusedCpuAdam(IEnumerable<TorchSharp.Modules.Parameter> parameters, double lr, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        : base(parameters, lr, beta1, beta2, eps, weightDecay)
    {
    }

    public override Tensor step(Func<Tensor>? closure = null)
    {
        if (!AllFusable())
        {
            return base.step(closure!);
        }
        Tensor? loss = null;
        if (closure is not null)
        {
            using var enableGrad = torch.enable_grad();
            loss = closure();
        }
        using var noGrad = torch.no_grad();
        foreach (var group in _parameter_groups)
        {
            var options = (Options)group.Options;
            foreach (var parameter in group.Parameters)
            {
                using var grad = parameter.grad;
                if (grad is null)
                {
                    continue;
                }
                var state = (State)_state[parameter.Handle];
                state.step += 1;
                using var contiguousGrad = grad.is_contiguous() ? grad.alias() : grad.contiguous();
                Update(
                    MemoryMarshal.Cast<byte, float>(parameter.bytes),
                    MemoryMarshal.Cast<byte, float>(contiguousGrad.bytes),
                    MemoryMarshal.Cast<byte, float>(state.exp_avg.bytes),
                    MemoryMarshal.Cast<byte, float>(state.exp_avg_sq.bytes),
                    new Coefficients(options, state.step));
            }
        }
        return loss!;
    }

    private bool AllFusable() => _parameter_groups.All(group =>
    {
        var options = (Options)group.Options;
        return options.amsgrad != true && options.maximize != true && group.Parameters.All(parameter =>
        {
            var state = (State)_state[parameter.Handle];
            return parameter.device_type == DeviceType.CPU && parameter.dtype == ScalarType.Float32 && parameter.is_contiguous()
                && state.exp_avg.is_contiguous() && state.exp_avg_sq.is_contiguous();
        });
    });

    /// <summary>The step's constants, rounded to float32 as libtorch rounds a scalar argument.</summary>
    private readonly record struct Coefficients(float Beta1, float OneMinusBeta1, float Beta2, float OneMinusBeta2, float StepSize, float BiasCorrection2Sqrt, float Eps, float WeightDecay)
    {
        public Coefficients(TorchSharp.Modules.Adam.Options o, long step) : this(
            (float)o.beta1!.Value, (float)(1 - o.beta1.Value), (float)o.beta2!.Value, (float)(1 - o.beta2.Value),
            (float)(o.LearningRate!.Value / (1 - Math.Pow(o.beta1.Value, step))),
            (float)Math.Sqrt(1 - Math.Pow(o.beta2.Value, step)), (float)o.eps!.Value, (float)o.weight_decay!.Value)
        {
        }
    }

    private static void Update(Span<float> weights, ReadOnlySpan<float> gradient, Span<float> mean, Span<float> meanSquare, Coefficients c)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = MemoryMarshal.Cast<float, Vector<float>>(weights);
            var g = MemoryMarshal.Cast<float, Vector<float>>(gradient);
            var m = MemoryMarshal.Cast<float, Vector<float>>(mean);
            var v = MemoryMarshal.Cast<float, Vector<float>>(meanSquare);
            for (var k = 0; k < w.Length; k++)
            {
                var gk = c.WeightDecay == 0 ? g[k] : g[k] + (w[k] * c.WeightDecay);
                var mk = (m[k] * c.Beta1) + (gk * c.OneMinusBeta1);
                var vk = (v[k] * c.Beta2) + (gk * gk * c.OneMinusBeta2);
                m[k] = mk;
                v[k] = vk;
                w[k] -= c.StepSize * (mk / ((Vector.SquareRoot(vk) / c.BiasCorrection2Sqrt) + new Vector<float>(c.Eps)));
            }
            i = w.Length * Vector<float>.Count;
        }
        for (; i < weights.Length; i++)
        {
            var gi = gradient[i] + (c.WeightDecay * weights[i]);
            var mi = (mean[i] * c.Beta1) + (gi * c.OneMinusBeta1);
            var vi = (meanSquare[i] * c.Beta2) + (gi * gi * c.OneMinusBeta2);
            mean[i] = mi;
            meanSquare[i] = vi;
            weights[i] -= c.StepSize * (mi / ((MathF.Sqrt(vi) / c.BiasCorrection2Sqrt) + c.Eps));
        }
    }
}
