namespace SweepGrid.Torch.Nn;

/// <summary>
/// Batch normalisation over channel dimension 1 (PyTorch's BatchNorm1d/2d): eps 1e-5, momentum 0.1,
/// affine, running statistics updated with the unbiased batch variance.
/// </summary>
public class BatchNorm : Module
{
    private readonly int[] acceptedRanks;

    protected BatchNorm(long numFeatures, int[] acceptedRanks, double eps, double momentum, bool affine, Device? device)
    {
        this.acceptedRanks = acceptedRanks;
        Eps = eps;
        Momentum = momentum;
        if (affine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones([numFeatures], device: device));
            Bias = RegisterParameter("bias", Tensor.Zeros([numFeatures], device: device));
        }
        RunningMean = RegisterBuffer("running_mean", Tensor.Zeros([numFeatures], device: device));
        RunningVar = RegisterBuffer("running_var", Tensor.Ones([numFeatures], device: device));
        BatchesTracked = RegisterBuffer("num_batches_tracked", Tensor.Zeros([], ScalarType.Int64, device));
    }

    public double Eps { get; }
    public double Momentum { get; }
    public Tensor? Weight { get; }
    public Tensor? Bias { get; }
    public Tensor RunningMean { get; }
    public Tensor RunningVar { get; }
    public Tensor BatchesTracked { get; }

    public override Tensor Forward(Tensor input)
    {
        var rank = input.Dim;
        if (!acceptedRanks.Contains(rank))
        {
            throw new TorchException($"{GetType().Name}: expected {string.Join(" or ", acceptedRanks.Select(r => $"{r}D"))} input (got {rank}D input)");
        }
        if (IsTraining)
        {
            using (Autograd.NoGrad())
            {
                using var one = Tensor.Scalar(1, ScalarType.Int64, BatchesTracked.Device);
                BatchesTracked.Add_(one);
            }
        }
        return Functional.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, IsTraining, Momentum, Eps);
    }
}

/// <summary>Batch norm over (N, C) or (N, C, L) inputs.</summary>
public sealed class BatchNorm1d(long numFeatures, double eps = 1e-5, double momentum = 0.1, bool affine = true, Device? device = null)
    : BatchNorm(numFeatures, [2, 3], eps, momentum, affine, device);

/// <summary>Batch norm over (N, C, H, W) inputs.</summary>
public sealed class BatchNorm2d(long numFeatures, double eps = 1e-5, double momentum = 0.1, bool affine = true, Device? device = null)
    : BatchNorm(numFeatures, [4], eps, momentum, affine, device);
