using TorchSharp.Modules;

namespace SweepGrid.Robustness.Models;

/// <summary>
/// TorchSharp's layers with PyTorch's default initialisation drawn from a given generator instead of
/// the process-wide one, so that concurrent slots stay deterministic per seed: U(±1/√fan_in) for
/// weights and biases, weight then bias in construction order, exactly as python3-torch after
/// <c>manual_seed</c> (kaiming_uniform_ with a = √5 reduces to that bound).
/// </summary>
internal static class Layers
{
    public static Linear Linear(long inFeatures, long outFeatures, Generator? generator, bool bias = true)
    {
        var layer = nn.Linear(inFeatures, outFeatures, hasBias: bias);
        Reset(layer.weight!, layer.bias, inFeatures, generator);
        return layer;
    }

    public static Conv2d Conv2d(long inChannels, long outChannels, long kernelSize, Generator? generator, long stride = 1, long padding = 0, bool bias = true)
    {
        var layer = nn.Conv2d(inChannels, outChannels, kernelSize, stride: stride, padding: padding, bias: bias);
        Reset(layer.weight!, layer.bias, inChannels * kernelSize * kernelSize, generator);
        return layer;
    }

    /// <summary>
    /// The same images, N×C×H×W, laid out channels-last in memory (NHWC strides), for a convolutional
    /// network's input on the CPU. libtorch 2.10 then keeps every activation channels-last: oneDNN runs
    /// the convolutions in nhwc without reordering each activation to its blocked layout and back, and
    /// max-pooling and batch norm use their vectorised channels-last kernels instead of the scalar NCHW
    /// max-pool loop (cpu_max_pool, a fifth of a LeNet step). Values, shapes and gradients are the
    /// same; only the summation order inside a convolution may differ in the last bits. A one-channel
    /// image is merely viewed with those strides (no copy). Parameters stay contiguous (their layout is
    /// what the weights format stores), and CUDA inputs are left as they are.
    /// </summary>
    public static Tensor ChannelsLast(Tensor input)
    {
        if (input.dim() != 4 || input.device_type != DeviceType.CPU)
        {
            return input.alias();
        }
        var (n, c, h, w) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3]);
        if (c == 1 && input.is_contiguous())
        {
            using var viewed = input.view(n, h, w, 1);
            return viewed.permute(0, 3, 1, 2);
        }
        using var nhwc = input.permute(0, 2, 3, 1);
        using var packed = nhwc.contiguous();
        return packed.permute(0, 3, 1, 2);
    }

    /// <summary>Caffe's xavier filler: U(±√(3/fan_in)) weights, zero biases.</summary>
    public static void CaffeXavier(Tensor weight, Tensor? bias, long fanIn, Generator? generator)
    {
        using var noGrad = torch.no_grad();
        var bound = Math.Sqrt(3.0 / fanIn);
        weight.uniform_(-bound, bound, generator);
        bias?.zero_();
    }

    private static void Reset(Tensor weight, Tensor? bias, long fanIn, Generator? generator)
    {
        if (generator is null)
        {
            return;
        }
        using var noGrad = torch.no_grad();
        var bound = fanIn > 0 ? 1.0 / Math.Sqrt(fanIn) : 0;
        weight.uniform_(-bound, bound, generator);
        bias?.uniform_(-bound, bound, generator);
    }
}

/// <summary>
/// Dropout whose masks come from the model's generator (nn.Dropout draws from the process-wide one,
/// which concurrent slots share). The same computation as torch's: mask ~ Bernoulli(1 − p), scaled by 1/(1 − p).
/// </summary>
public sealed class SeededDropout : Module
{
    private readonly Generator? generator;

    public SeededDropout(double p, Generator? generator) : base(nameof(SeededDropout))
    {
        P = p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be in [0, 1]");
        this.generator = generator;
    }

    public double P { get; }

    public override Tensor forward(Tensor input)
    {
        if (!training || P == 0)
        {
            return input.alias();
        }
        if (P == 1)
        {
            return torch.zeros_like(input);
        }
        using var scope = torch.NewDisposeScope();
        // Drawn in the logical (N, C, H, W) order whatever the input's memory layout (see
        // Layers.ChannelsLast), so that a seed gives the same mask as before and as python3-torch.
        var keep = torch.empty(input.shape, input.dtype, input.device).bernoulli_(1 - P, generator).div_(1 - P);
        return (input * keep).MoveToOuterDisposeScope();
    }
}

/// <summary>σ(x / T): the logistic sigmoid at temperature T (seed 003).</summary>
public sealed class TemperatureSigmoid : Module
{
    public TemperatureSigmoid(double temperature) : base(nameof(TemperatureSigmoid)) =>
        Temperature = temperature > 0 && double.IsFinite(temperature)
            ? temperature
            : throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the sigmoid temperature must be a finite number > 0");

    public double Temperature { get; }

    public override Tensor forward(Tensor input)
    {
        if (Temperature == 1.0)
        {
            return input.sigmoid();
        }
        using var scaled = input / Temperature;
        return scaled.sigmoid();
    }
}
