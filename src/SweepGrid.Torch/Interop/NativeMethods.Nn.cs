using System.Runtime.InteropServices;

namespace SweepGrid.Torch.Interop;

// native/src/nn.cpp, autograd.cpp and optim.cpp
internal static partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial TensorHandle sg_matmul(TensorHandle a, TensorHandle b);
    [LibraryImport(Library)] internal static partial TensorHandle sg_linear(TensorHandle x, TensorHandle w, IntPtr b);
    [LibraryImport(Library)] internal static partial TensorHandle sg_conv2d(TensorHandle x, TensorHandle w, IntPtr b, long strideH, long strideW, long padH, long padW, long dilationH, long dilationW, long groups);
    [LibraryImport(Library)] internal static partial TensorHandle sg_max_pool2d(TensorHandle x, long kh, long kw, long sh, long sw, long ph, long pw, int ceilMode);
    [LibraryImport(Library)] internal static partial TensorHandle sg_avg_pool2d(TensorHandle x, long kh, long kw, long sh, long sw, long ph, long pw, int ceilMode);
    [LibraryImport(Library)] internal static partial TensorHandle sg_batch_norm(TensorHandle x, IntPtr weight, IntPtr bias, IntPtr runningMean, IntPtr runningVar, int training, double momentum, double eps);
    [LibraryImport(Library)] internal static partial TensorHandle sg_dropout(TensorHandle x, double p, int training, IntPtr g);
    [LibraryImport(Library)] internal static partial TensorHandle sg_softmax(TensorHandle x, long dim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_log_softmax(TensorHandle x, long dim);
    [LibraryImport(Library)] internal static partial TensorHandle sg_cross_entropy(TensorHandle logits, TensorHandle target, int reduction, double labelSmoothing);
    [LibraryImport(Library)] internal static partial TensorHandle sg_nll_loss(TensorHandle logProbs, TensorHandle target, int reduction);
    [LibraryImport(Library)] internal static partial TensorHandle sg_mse_loss(TensorHandle input, TensorHandle target, int reduction);
    [LibraryImport(Library)] internal static partial TensorHandle sg_bce_loss(TensorHandle input, TensorHandle target, int reduction);
    [LibraryImport(Library)] internal static partial TensorHandle sg_pad2d(TensorHandle x, ReadOnlySpan<long> pads, int mode, double value);

    [LibraryImport(Library)] internal static partial int sg_backward(TensorHandle t, IntPtr grad, int retainGraph);
    [LibraryImport(Library)] internal static partial TensorHandle sg_grad(TensorHandle t);
    [LibraryImport(Library)] internal static partial int sg_set_grad(TensorHandle t, IntPtr grad);
    [LibraryImport(Library)] internal static partial int sg_autograd_grad(ReadOnlySpan<IntPtr> outputs, int nOut, ReadOnlySpan<IntPtr> inputs, int nIn, ReadOnlySpan<IntPtr> gradOutputs, int retainGraph, int createGraph, int allowUnused, Span<IntPtr> results);

    [LibraryImport(Library)] internal static partial OptimizerHandle sg_optimizer_new(int kind, ReadOnlySpan<IntPtr> parameters, int n, double lr, double momentum, double dampening, int nesterov, double beta1, double beta2, double eps, double weightDecay, int amsgrad);
    [LibraryImport(Library)] internal static partial void sg_optimizer_free(IntPtr o);
    [LibraryImport(Library)] internal static partial int sg_optimizer_step(OptimizerHandle o);
    [LibraryImport(Library)] internal static partial int sg_optimizer_zero_grad(OptimizerHandle o, int setToNone);
    [LibraryImport(Library)] internal static partial int sg_optimizer_set_lr(OptimizerHandle o, double lr);
    [LibraryImport(Library)] internal static partial double sg_optimizer_get_lr(OptimizerHandle o);
}
