using SweepGrid.Torch.Nn;
using SweepGrid.Torch.Optim;
using SweepGrid.Torch.Tests.Support;

namespace SweepGrid.Torch.Tests.Devices;

/// <summary>GPU paths. Without a CUDA device each is reported as skipped with the reason, never as passed.</summary>
public class CudaTests
{
    [Fact]
    public void Tensors_are_created_on_the_cpu_by_default()
    {
        using var t = Tensor.Ones([2]);
        Assert.Equal(DeviceType.Cpu, t.Device.Type);
        Assert.False(t.Device.IsCuda);
        Assert.Equal("cpu", Device.Cpu.ToString());
    }

    [CudaFact]
    public void A_tensor_moved_to_cuda_and_back_keeps_its_values()
    {
        using var cpu = Tensor.From([1f, -2f, 3.5f], 3);
        using var gpu = cpu.To(Device.Cuda());
        using var back = gpu.To(Device.Cpu);
        Assert.True(gpu.Device.IsCuda, $"expected a CUDA tensor, got one on {gpu.Device}");
        Assert.Equal([1f, -2f, 3.5f], back.ToArray<float>());
        Assert.Equal([1f, -2f, 3.5f], gpu.ToArray<float>());
    }

    [CudaFact]
    public void Matmul_and_softmax_on_cuda_match_the_cpu()
    {
        using var g = new Generator(3);
        using var a = Random.Randn([64, 32], g, ScalarType.Float64);
        using var b = Random.Randn([32, 16], g, ScalarType.Float64);
        using var cpuProduct = a.Matmul(b);
        using var cpuSoftmax = Functional.Softmax(cpuProduct, 1);
        using var ga = a.To(Device.Cuda());
        using var gb = b.To(Device.Cuda());
        using var gpuProduct = ga.Matmul(gb);
        using var gpuSoftmax = Functional.Softmax(gpuProduct, 1);
        Expect.Close(cpuSoftmax.ToArray<double>(), gpuSoftmax.ToArray<double>(), 1e-12, "softmax(a·b) on CUDA vs CPU");
    }

    [CudaFact]
    public void A_model_moved_to_cuda_trains_there_and_keeps_parameter_identity()
    {
        using var g = new Generator(4);
        using var model = new Sequential(new Linear(4, 8, generator: g), new BatchNorm1d(8), new ReLU(), new Linear(8, 2, generator: g));
        var before = model.Parameters().ToList();
        model.To(Device.Cuda());
        Assert.Equal(before, model.Parameters().ToList());
        Assert.All(model.StateDict(), e => Assert.True(e.Tensor.Device.IsCuda, $"{e.Name} stayed on {e.Tensor.Device}"));

        using var adam = new Adam(model.Parameters(), lr: 1e-2);
        using var x = Random.Randn([16, 4], device: Device.Cuda());
        using var y = Tensor.Zeros([16], ScalarType.Int64, Device.Cuda());
        double first = 0, last = 0;
        for (var step = 0; step < 20; step++)
        {
            using var scope = DisposeScope.Begin();
            var loss = Functional.CrossEntropy(model.Forward(x), y);
            last = loss.Item();
            if (step == 0)
            {
                first = last;
            }
            adam.ZeroGrad();
            loss.Backward();
            adam.Step();
        }
        Assert.True(last < first, $"loss on CUDA went from {first} to {last}; expected it to fall");
    }

    [CudaFact]
    public void A_cuda_generator_reproduces_its_stream()
    {
        using var g1 = new Generator(11, Device.Cuda());
        using var g2 = new Generator(11, Device.Cuda());
        using var a = Random.Rand([32], g1, device: Device.Cuda());
        using var b = Random.Rand([32], g2, device: Device.Cuda());
        Assert.Equal(a.ToArray<float>(), b.ToArray<float>());
    }
}
