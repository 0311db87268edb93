namespace SweepGrid.Torch.Nn;

/// <summary>y = x·Wᵀ + b, initialised as PyTorch's nn.Linear.</summary>
public sealed class Linear : Module
{
    public Linear(long inFeatures, long outFeatures, bool bias = true, Generator? generator = null, Device? device = null)
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Init.DefaultUniform(Tensor.Empty([outFeatures, inFeatures], device: device), inFeatures, generator));
        if (bias)
        {
            Bias = RegisterParameter("bias", Init.DefaultUniform(Tensor.Empty([outFeatures], device: device), inFeatures, generator));
        }
    }

    public long InFeatures { get; }
    public long OutFeatures { get; }
    public Tensor Weight { get; }
    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);
}
