using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Tests.Training;
using SweepGrid.Robustness.Training;
using SweepGrid.Robustness.Weights;

namespace SweepGrid.Robustness.Tests.Devices;

/// <summary>
/// The science on a GPU. Skipped, with the reason, where TorchSharp finds no usable CUDA device (the
/// default build ships the CPU libtorch; see docs/science.md §8 for a CUDA build).
/// </summary>
public class CudaTests
{
    private const string NoGpu = "no CUDA device is usable in this process (CPU libtorch, or no GPU): the GPU path is untested here";

    [SkippableFact]
    public void Training_on_cuda_learns_and_its_weights_evaluate_on_the_cpu()
    {
        Skip.IfNot(TorchRuntime.CudaIsAvailable, NoGpu);
        var device = TorchRuntime.ParseDevice("cuda:0");
        using var data = new SyntheticDigitsSource(200, seed: 1);
        using var generator = new Generator(1, device);
        using var model = SyntheticTraining.SmallMlp.Create(generator);
        model.to(device);

        var result = new Trainer(new TrainingConfig { Seed = 1, Epochs = 10, BatchSize = 20 }).Train(model, data, device, generator);

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.True(result.Curve[^1].Loss < result.Curve[0].Loss, "training on the GPU should lower the loss");
        var gpuAccuracy = Predictions.Accuracy(model, data, device, batchSize: 50);
        model.to(torch.CPU);
        using var cpuGenerator = new Generator(2);
        using var cpuModel = SyntheticTraining.SmallMlp.Create(cpuGenerator);
        ModelWeights.LoadInto(cpuModel, ModelWeights.Save(model));
        Assert.Equal(gpuAccuracy, Predictions.Accuracy(cpuModel, data, torch.CPU, batchSize: 50), 3);
    }

    [Fact]
    public void Asking_for_a_cuda_device_that_is_not_there_names_what_is_available()
    {
        var count = TorchRuntime.CudaIsAvailable ? torch.cuda.device_count() : 0;
        var error = Assert.Throws<ArgumentException>(() => TorchRuntime.ParseDevice($"cuda:{count}"));
        Assert.Contains("cuda", error.Message, StringComparison.Ordinal);
    }
}
