using SweepGrid.Torch.Interop;

namespace SweepGrid.Torch;

/// <summary>Autograd entry points: backward, gradients with respect to inputs, and no-grad scopes.</summary>
public static class Autograd
{
    /// <summary>Whether operations on this thread are recorded for autograd.</summary>
    public static bool IsGradEnabled => NativeMethods.sg_is_grad_enabled() == 1;

    /// <summary>Turns recording off on this thread until the returned scope is disposed (torch.no_grad()).</summary>
    public static GradModeScope NoGrad() => new(enabled: false);

    /// <summary>Turns recording on on this thread until the returned scope is disposed (torch.enable_grad()).</summary>
    public static GradModeScope EnableGrad() => new(enabled: true);

    /// <summary>Back-propagates from a scalar (or with an explicit output gradient), accumulating into .Grad.</summary>
    public static void Backward(this Tensor output, Tensor? gradient = null, bool retainGraph = false)
    {
        NativeErrors.Check(NativeMethods.sg_backward(output.Handle, Tensor.RawOrNull(gradient), retainGraph ? 1 : 0), "backward");
        GC.KeepAlive(gradient);
    }

    /// <summary>
    /// ∂outputs/∂inputs without touching .Grad (torch.autograd.grad). Unused inputs give null when
    /// <paramref name="allowUnused"/> is set.
    /// </summary>
    public static Tensor?[] Grad(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? gradOutputs = null,
        bool retainGraph = false, bool createGraph = false, bool allowUnused = false)
    {
        var outs = outputs.Select(t => t.Handle.DangerousGetHandle()).ToArray();
        var ins = inputs.Select(t => t.Handle.DangerousGetHandle()).ToArray();
        var gouts = gradOutputs?.Select(Tensor.RawOrNull).ToArray() ?? [];
        var results = new IntPtr[ins.Length];
        var status = NativeMethods.sg_autograd_grad(outs, outs.Length, ins, ins.Length, gradOutputs is null ? default : gouts,
            retainGraph ? 1 : 0, createGraph ? 1 : 0, allowUnused ? 1 : 0, results);
        GC.KeepAlive(outputs);
        GC.KeepAlive(inputs);
        GC.KeepAlive(gradOutputs);
        NativeErrors.Check(status, "autograd.grad");
        return results.Select(r => r == IntPtr.Zero ? null : Tensor.WrapRaw(r, "autograd.grad")).ToArray();
    }

    /// <summary>∂output/∂input for one scalar output and one input.</summary>
    public static Tensor Grad(Tensor output, Tensor input, bool retainGraph = false) =>
        Grad([output], [input], retainGraph: retainGraph)[0] ?? throw new TorchException("autograd.grad: the input was not used to compute the output");
}

/// <summary>Restores the previous grad mode of this thread when disposed.</summary>
public readonly struct GradModeScope : IDisposable
{
    private readonly bool previous;

    internal GradModeScope(bool enabled) => previous = NativeMethods.sg_set_grad_enabled(enabled ? 1 : 0) == 1;

    public void Dispose() => _ = NativeMethods.sg_set_grad_enabled(previous ? 1 : 0);
}
