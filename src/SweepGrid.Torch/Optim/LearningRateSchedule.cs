namespace SweepGrid.Torch.Optim;

/// <summary>
/// Sets an optimizer's learning rate from a step counter. <see cref="Step"/> advances by one: per epoch
/// for StepLR and ExponentialLR (as PyTorch), per iteration for Caffe's inv policy (as Caffe).
/// </summary>
public abstract class LearningRateSchedule
{
    protected LearningRateSchedule(Optimizer optimizer)
    {
        Optimizer = optimizer;
        BaseLearningRate = optimizer.InitialLearningRate;
    }

    public Optimizer Optimizer { get; }

    public double BaseLearningRate { get; }

    /// <summary>How many times <see cref="Step"/> has been called.</summary>
    public int StepCount { get; private set; }

    public abstract double LearningRateAt(int step);

    public void Step()
    {
        StepCount++;
        Optimizer.LearningRate = LearningRateAt(StepCount);
    }
}

/// <summary>lr = base·γ^⌊step/stepSize⌋ (PyTorch's StepLR).</summary>
public sealed class StepLR : LearningRateSchedule
{
    public StepLR(Optimizer optimizer, int stepSize, double gamma = 0.1) : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSize, 1);
        StepSize = stepSize;
        Gamma = gamma;
    }

    public int StepSize { get; }
    public double Gamma { get; }

    public override double LearningRateAt(int step) => BaseLearningRate * Math.Pow(Gamma, step / StepSize);
}

/// <summary>lr = base·γ^step (PyTorch's ExponentialLR).</summary>
public sealed class ExponentialLR(Optimizer optimizer, double gamma) : LearningRateSchedule(optimizer)
{
    public double Gamma { get; } = gamma;

    public override double LearningRateAt(int step) => BaseLearningRate * Math.Pow(Gamma, step);
}

/// <summary>lr = base·(1 + γ·iteration)^−power (Caffe's "inv" policy; LeNet uses γ = 1e-4, power = 0.75).</summary>
public sealed class InverseDecayLR(Optimizer optimizer, double gamma = 1e-4, double power = 0.75) : LearningRateSchedule(optimizer)
{
    public double Gamma { get; } = gamma;
    public double Power { get; } = power;

    public override double LearningRateAt(int step) => BaseLearningRate * Math.Pow(1 + Gamma * step, -Power);
}
