namespace SweepGrid.Torch.Nn;

// Parameter-free layers. Small enough to share a file; each mirrors its torch.nn namesake.

/// <summary>Inverted dropout with its own generator (null: libtorch's global one).</summary>
public sealed class Dropout(double p = 0.5, Generator? generator = null) : Module
{
    public double P { get; } = p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be in [0, 1]");

    public override Tensor Forward(Tensor input) => Functional.Dropout(input, P, IsTraining, generator);
}

public sealed class MaxPool2d(long kernelSize, long? stride = null, long padding = 0) : Module
{
    public override Tensor Forward(Tensor input) =>
        Functional.MaxPool2d(input, (kernelSize, kernelSize), (stride ?? kernelSize, stride ?? kernelSize), (padding, padding));
}

public sealed class AvgPool2d(long kernelSize, long? stride = null, long padding = 0) : Module
{
    public override Tensor Forward(Tensor input) =>
        Functional.AvgPool2d(input, (kernelSize, kernelSize), (stride ?? kernelSize, stride ?? kernelSize), (padding, padding));
}

public sealed class Flatten(long startDim = 1, long endDim = -1) : Module
{
    public override Tensor Forward(Tensor input) => input.Flatten(startDim, endDim);
}

public sealed class ReLU : Module
{
    public override Tensor Forward(Tensor input) => input.Relu();
}

public sealed class GELU(bool tanhApproximation = false) : Module
{
    public override Tensor Forward(Tensor input) => input.Gelu(tanhApproximation);
}

/// <summary>The logistic sigmoid with temperature T: 1 / (1 + exp(−x/T)) (seed 003).</summary>
public sealed class TemperatureSigmoid(double temperature = 1.0) : Module
{
    public double Temperature { get; } = temperature > 0 ? temperature : throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the sigmoid temperature must be > 0");

    public override Tensor Forward(Tensor input) => Functional.TemperatureSigmoid(input, Temperature);
}

public sealed class Identity : Module
{
    public override Tensor Forward(Tensor input) => input.Alias();
}
