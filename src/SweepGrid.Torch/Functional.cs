using SweepGrid.Torch.Interop;

namespace SweepGrid.Torch;

/// <summary>How a loss reduces over the batch.</summary>
public enum Reduction
{
    None = 0,
    Mean = 1,
    Sum = 2,
}

/// <summary>Padding modes for <see cref="Functional.Pad2d"/>.</summary>
public enum PaddingMode
{
    Constant = 0,
    Reflect = 1,
    Replicate = 2,
}

/// <summary>Stateless layers and losses (PyTorch's torch.nn.functional).</summary>
public static class Functional
{
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null)
    {
        var result = NativeMethods.sg_linear(input.Handle, weight.Handle, Tensor.RawOrNull(bias));
        GC.KeepAlive(bias);
        return Tensor.Wrap(result, "linear");
    }

    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, (long H, long W)? stride = null,
        (long H, long W)? padding = null, (long H, long W)? dilation = null, long groups = 1)
    {
        var s = stride ?? (1, 1);
        var p = padding ?? (0, 0);
        var d = dilation ?? (1, 1);
        var result = NativeMethods.sg_conv2d(input.Handle, weight.Handle, Tensor.RawOrNull(bias), s.H, s.W, p.H, p.W, d.H, d.W, groups);
        GC.KeepAlive(bias);
        return Tensor.Wrap(result, "conv2d");
    }

    public static Tensor MaxPool2d(Tensor input, (long H, long W) kernel, (long H, long W)? stride = null, (long H, long W)? padding = null, bool ceilMode = false)
    {
        var s = stride ?? kernel;
        var p = padding ?? (0, 0);
        return Tensor.Wrap(NativeMethods.sg_max_pool2d(input.Handle, kernel.H, kernel.W, s.H, s.W, p.H, p.W, ceilMode ? 1 : 0), "max_pool2d");
    }

    public static Tensor AvgPool2d(Tensor input, (long H, long W) kernel, (long H, long W)? stride = null, (long H, long W)? padding = null, bool ceilMode = false)
    {
        var s = stride ?? kernel;
        var p = padding ?? (0, 0);
        return Tensor.Wrap(NativeMethods.sg_avg_pool2d(input.Handle, kernel.H, kernel.W, s.H, s.W, p.H, p.W, ceilMode ? 1 : 0), "avg_pool2d");
    }

    /// <summary>Batch normalisation; in training it normalises with batch statistics and updates the running ones in place.</summary>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias,
        bool training, double momentum = 0.1, double eps = 1e-5)
    {
        var result = NativeMethods.sg_batch_norm(input.Handle, Tensor.RawOrNull(weight), Tensor.RawOrNull(bias),
            Tensor.RawOrNull(runningMean), Tensor.RawOrNull(runningVar), training ? 1 : 0, momentum, eps);
        GC.KeepAlive(weight);
        GC.KeepAlive(bias);
        GC.KeepAlive(runningMean);
        GC.KeepAlive(runningVar);
        return Tensor.Wrap(result, "batch_norm");
    }

    /// <summary>Inverted dropout (kept units scaled by 1/(1−p)); identity when not training.</summary>
    public static Tensor Dropout(Tensor input, double p, bool training, Generator? generator = null)
    {
        var result = NativeMethods.sg_dropout(input.Handle, p, training ? 1 : 0, Generator.RawOrNull(generator));
        GC.KeepAlive(generator);
        return Tensor.Wrap(result, "dropout");
    }

    public static Tensor Softmax(Tensor input, long dim) => Tensor.Wrap(NativeMethods.sg_softmax(input.Handle, dim), "softmax");

    public static Tensor LogSoftmax(Tensor input, long dim) => Tensor.Wrap(NativeMethods.sg_log_softmax(input.Handle, dim), "log_softmax");

    /// <summary>f(net) = 1 / (1 + exp(−net/T)), computed as sigmoid(net/T) for numerical stability.</summary>
    public static Tensor TemperatureSigmoid(Tensor input, double temperature)
    {
        if (!(temperature > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the sigmoid temperature must be > 0");
        }
        if (temperature == 1.0)
        {
            return input.Sigmoid();
        }
        using var scaled = input.Div(temperature);
        return scaled.Sigmoid();
    }

    /// <summary>
    /// Cross-entropy on logits. Integer targets are class indices; floating-point targets of the
    /// logits' shape are class probabilities (soft targets, as MixUp uses).
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor target, Reduction reduction = Reduction.Mean, double labelSmoothing = 0) =>
        Tensor.Wrap(NativeMethods.sg_cross_entropy(logits.Handle, target.Handle, (int)reduction, labelSmoothing), "cross_entropy");

    public static Tensor NllLoss(Tensor logProbabilities, Tensor target, Reduction reduction = Reduction.Mean) =>
        Tensor.Wrap(NativeMethods.sg_nll_loss(logProbabilities.Handle, target.Handle, (int)reduction), "nll_loss");

    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        Tensor.Wrap(NativeMethods.sg_mse_loss(input.Handle, target.Handle, (int)reduction), "mse_loss");

    public static Tensor BinaryCrossEntropy(Tensor probabilities, Tensor target, Reduction reduction = Reduction.Mean) =>
        Tensor.Wrap(NativeMethods.sg_bce_loss(probabilities.Handle, target.Handle, (int)reduction), "binary_cross_entropy");

    /// <summary>Pads the last two dimensions by (left, right, top, bottom).</summary>
    public static Tensor Pad2d(Tensor input, (long Left, long Right, long Top, long Bottom) pads, PaddingMode mode = PaddingMode.Constant, double value = 0)
    {
        long[] p = [pads.Left, pads.Right, pads.Top, pads.Bottom];
        return Tensor.Wrap(NativeMethods.sg_pad2d(input.Handle, p, (int)mode, value), "pad");
    }
}
