using SweepGrid.Torch.Nn;

namespace SweepGrid.Torch.Tests.Errors;

/// <summary>libtorch's own diagnostics must reach the caller as <see cref="TorchException"/>, prefixed with the operation.</summary>
public class NativeErrorTests
{
    [Fact]
    public void Matmul_of_incompatible_matrices_reports_libtorchs_shape_message()
    {
        using var a = Tensor.Zeros([2, 3]);
        using var b = Tensor.Zeros([2, 3]);
        var error = Assert.Throws<TorchException>(() => a.Matmul(b));
        Assert.StartsWith("matmul: ", error.Message);
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", error.Message);
    }

    [Fact]
    public void Conv2d_with_the_wrong_channel_count_reports_the_expected_channels()
    {
        using var x = Tensor.Zeros([1, 2, 5, 5]);
        using var w = Tensor.Zeros([4, 3, 3, 3]);
        var error = Assert.Throws<TorchException>(() => Functional.Conv2d(x, w));
        Assert.StartsWith("conv2d: ", error.Message);
        Assert.Contains("expected input[1, 2, 5, 5] to have 3 channels, but got 2 channels instead", error.Message);
    }

    [Fact]
    public void Linear_layer_given_the_wrong_feature_count_throws_with_the_shapes()
    {
        using var layer = new Linear(4, 2);
        using var x = Tensor.Zeros([3, 5]);
        var error = Assert.Throws<TorchException>(() => layer.Forward(x));
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (3x5 and 4x2)", error.Message);
    }

    [Fact]
    public void Adding_tensors_that_cannot_broadcast_names_the_dimension()
    {
        using var a = Tensor.Zeros([2, 3]);
        using var b = Tensor.Zeros([4]);
        var error = Assert.Throws<TorchException>(() => a + b);
        Assert.Contains("must match the size of tensor b (4) at non-singleton dimension 1", error.Message);
    }

    [Fact]
    public void Cross_entropy_with_an_out_of_range_class_index_throws()
    {
        using var logits = Tensor.Zeros([2, 3]);
        using var labels = Tensor.From([0L, 3L], 2);
        var error = Assert.Throws<TorchException>(() => Functional.CrossEntropy(logits, labels));
        Assert.Contains("out of bounds", error.Message);
    }

    [Fact]
    public void View_of_an_impossible_shape_throws_and_the_error_does_not_leak_into_the_next_call()
    {
        using var x = Tensor.Zeros([6]);
        var error = Assert.Throws<TorchException>(() => x.View(4, -1));
        Assert.Contains("shape '[4, -1]' is invalid for input of size 6", error.Message);
        using var fine = x.View(2, 3);
        Assert.Equal([2L, 3L], fine.Shape);
    }

    [Fact]
    public void Item_of_a_tensor_with_several_elements_throws()
    {
        using var x = Tensor.Zeros([2]);
        var error = Assert.Throws<TorchException>(() => x.Item());
        Assert.StartsWith("item: ", error.Message);
    }

    [Fact]
    public void Backward_from_a_tensor_that_needs_no_gradient_throws()
    {
        using var x = Tensor.Ones([1]);
        using var y = x * 2.0;
        var error = Assert.Throws<TorchException>(() => y.Backward());
        Assert.Contains("does not require grad", error.Message);
    }

    [Fact]
    public void Using_a_disposed_tensor_throws_object_disposed()
    {
        var x = Tensor.Ones([2]);
        x.Dispose();
        Assert.True(x.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => x.ToArray<float>());
        Assert.Throws<ObjectDisposedException>(() => x.Shape);
        Assert.Throws<ObjectDisposedException>(() => x.Add(1));
        using var y = Tensor.Ones([2]);
        Assert.Throws<ObjectDisposedException>(() => y + x);
        Assert.Equal("Tensor(disposed)", x.ToString());
    }

    [Fact]
    public void Disposing_a_tensor_twice_is_harmless()
    {
        var x = Tensor.Ones([2]);
        x.Dispose();
        x.Dispose();
        Assert.True(x.IsDisposed);
    }

    [Fact]
    public void Batch_norm_module_rejects_input_of_the_wrong_rank_with_its_name()
    {
        using var bn = new BatchNorm2d(3);
        using var x = Tensor.Zeros([2, 3]);
        var error = Assert.Throws<TorchException>(() => bn.Forward(x));
        Assert.Equal("BatchNorm2d: expected 4D input (got 2D input)", error.Message);
    }

    [Fact]
    public void Device_parse_rejects_unknown_devices()
    {
        Assert.Equal(Device.Cuda(1), Device.Parse("CUDA:1"));
        Assert.Equal(Device.Cpu, Device.Parse(" cpu "));
        Assert.Throws<FormatException>(() => Device.Parse("tpu"));
    }
}
