using System.Globalization;
using SweepGrid.Torch.Nn;
using SweepGrid.Torch.Optim;
using SweepGrid.Torch.Tests.Support;

namespace SweepGrid.Torch.Tests.Parity;

/// <summary>
/// The same weights and batch through the C# models and through torch.nn in python3-torch: forward
/// logits, loss, input gradient, batch-norm buffers, and the parameters after one Adam and one
/// SGD-momentum step must agree to 1e-5 (float32).
/// </summary>
public sealed class PyTorchParityTests : IDisposable
{
    private const double Tolerance = 1e-5;
    private const double Temperature = 0.5;
    private readonly string folder = Directory.CreateTempSubdirectory("sweepgrid-parity-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Sequential Mlp(Generator g) =>
        new(new Linear(784, 256, generator: g), new TemperatureSigmoid(Temperature), new Linear(256, 10, generator: g));

    private static Sequential LeNetLike(Generator g) =>
        new(new Conv2d(1, 6, 5, generator: g), new BatchNorm2d(6), new MaxPool2d(2),
            new Conv2d(6, 16, 5, generator: g), new MaxPool2d(2), new Flatten(),
            new Linear(16 * 4 * 4, 64, generator: g), new ReLU(), new Linear(64, 10, generator: g));

    [Fact]
    public void Mlp_with_temperature_sigmoid_matches_pytorch()
    {
        using var g = new Generator(2024);
        using var model = Mlp(g);
        using var x = Random.Rand([8, 784], g);
        CompareWithPyTorch("mlp", model, x, g);
    }

    [Fact]
    public void LeNet_like_conv_net_with_batch_norm_matches_pytorch()
    {
        using var g = new Generator(4048);
        using var model = LeNetLike(g);
        using var x = Random.Rand([8, 1, 28, 28], g);
        CompareWithPyTorch("lenet", model, x, g);
    }

    private void CompareWithPyTorch(string kind, Sequential model, Tensor x, Generator g)
    {
        using var y = Random.Randint(0, 10, [x.Shape[0]], g);
        var inputPath = Path.Combine(folder, $"{kind}-in.sgpt");
        var outputPath = Path.Combine(folder, $"{kind}-out.sgpt");
        File.WriteAllBytes(inputPath, ParameterArchive.Save(model.StateDict().Append(("input.x", x)).Append(("input.y", y))));

        PythonTorch.RunScript("torch_reference.py", kind, Temperature.ToString(CultureInfo.InvariantCulture), inputPath, outputPath);
        var reference = ParameterArchive.Load(File.ReadAllBytes(outputPath)).ToDictionary(e => e.Name, e => e.Tensor);
        try
        {
            CompareForwardAndGradients(kind, model, x, y, reference);
            CompareOptimizerSteps(kind, model, reference);
        }
        finally
        {
            foreach (var tensor in reference.Values)
            {
                tensor.Dispose();
            }
        }
    }

    private static void CompareForwardAndGradients(string kind, Sequential model, Tensor x, Tensor y, Dictionary<string, Tensor> reference)
    {
        using var scope = DisposeScope.Begin();
        model.Train();
        var input = x.Clone().RequiresGrad_();
        var logits = model.Forward(input);
        var loss = Functional.CrossEntropy(logits, y);
        var inputGradient = Autograd.Grad(loss, input, retainGraph: true);
        loss.Backward();

        Same(reference["logits"], logits, $"{kind} logits");
        Same(reference["loss"], loss, $"{kind} cross-entropy loss");
        Same(reference["input_grad"], inputGradient, $"{kind} ∂loss/∂x");
        foreach (var (name, buffer) in model.NamedBuffers())
        {
            Same(reference[$"buffer.{name}"], buffer, $"{kind} buffer {name} after the training-mode forward pass");
        }
    }

    private static void CompareOptimizerSteps(string kind, Sequential model, Dictionary<string, Tensor> reference)
    {
        var start = ParameterArchive.Save(model);
        using (var adam = new Adam(model.Parameters()))
        {
            adam.Step();
        }
        foreach (var (name, parameter) in model.NamedParameters())
        {
            Same(reference[$"adam.{name}"], parameter, $"{kind} {name} after one Adam step");
        }

        ParameterArchive.LoadInto(model, start);
        using (var sgd = new Sgd(model.Parameters(), lr: 0.01, momentum: 0.9, weightDecay: 5e-4))
        {
            sgd.Step();
        }
        foreach (var (name, parameter) in model.NamedParameters())
        {
            Same(reference[$"sgd.{name}"], parameter, $"{kind} {name} after one SGD-momentum step");
        }
    }

    private static void Same(Tensor expected, Tensor actual, string what)
    {
        Assert.True(expected.Shape.SequenceEqual(actual.Shape),
            $"{what}: PyTorch gives shape [{string.Join(", ", expected.Shape)}], C# [{string.Join(", ", actual.Shape)}]");
        if (expected.DType == ScalarType.Int64)
        {
            Assert.Equal(expected.ToArray<long>(), actual.ToArray<long>());
            return;
        }
        Expect.Close(Expect.Values(expected), Expect.Values(actual), Tolerance, what);
    }
}
