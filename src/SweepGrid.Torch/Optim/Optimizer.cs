using SweepGrid.Torch.Interop;

namespace SweepGrid.Torch.Optim;

/// <summary>
/// An optimizer over a fixed list of parameters, backed by libtorch's own torch::optim implementation
/// (so the update rule is PyTorch's). One native call per step, whatever the number of parameters.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private enum Kind
    {
        Sgd = 0,
        Adam = 1,
        AdamW = 2,
    }

    private readonly OptimizerHandle handle;

    private protected Optimizer(int kind, IEnumerable<Tensor> parameters, double lr, double momentum, double dampening, bool nesterov,
        (double Beta1, double Beta2) betas, double eps, double weightDecay, bool amsgrad)
    {
        if (!(lr >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(lr), lr, "learning rate must be >= 0");
        }
        Parameters = parameters.ToList();
        var raw = Parameters.Select(p => p.Handle.DangerousGetHandle()).ToArray();
        handle = NativeMethods.sg_optimizer_new(kind, raw, raw.Length, lr, momentum, dampening, nesterov ? 1 : 0,
            betas.Beta1, betas.Beta2, eps, weightDecay, amsgrad ? 1 : 0);
        GC.KeepAlive(Parameters);
        if (handle.IsInvalid)
        {
            throw NativeErrors.Take(((Kind)kind).ToString());
        }
        InitialLearningRate = lr;
    }

    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The learning rate the optimizer was created with (schedules scale from it).</summary>
    public double InitialLearningRate { get; }

    public double LearningRate
    {
        get => NativeMethods.sg_optimizer_get_lr(handle);
        set => NativeErrors.Check(NativeMethods.sg_optimizer_set_lr(handle, value), "set learning rate");
    }

    /// <summary>Applies one update from the parameters' accumulated gradients.</summary>
    public void Step() => NativeErrors.Check(NativeMethods.sg_optimizer_step(handle), "optimizer step");

    /// <summary>Clears gradients: to none (the default, as PyTorch 2.x) or to zero tensors.</summary>
    public void ZeroGrad(bool setToNone = true) => NativeErrors.Check(NativeMethods.sg_optimizer_zero_grad(handle, setToNone ? 1 : 0), "zero_grad");

    public void Dispose()
    {
        handle.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay.</summary>
public sealed class Sgd(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, bool nesterov = false, double weightDecay = 0)
    : Optimizer(0, parameters, lr, momentum, dampening, nesterov, (0.9, 0.999), 1e-8, weightDecay, false);

/// <summary>Adam (Kingma and Ba); weight decay is L2 added to the gradient, as in PyTorch.</summary>
public sealed class Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0, bool amsgrad = false)
    : Optimizer(1, parameters, lr, 0, 0, false, (beta1, beta2), eps, weightDecay, amsgrad);

/// <summary>AdamW: Adam with decoupled weight decay (default 0.01, as in PyTorch).</summary>
public sealed class AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 1e-2, bool amsgrad = false)
    : Optimizer(2, parameters, lr, 0, 0, false, (beta1, beta2), eps, weightDecay, amsgrad);
