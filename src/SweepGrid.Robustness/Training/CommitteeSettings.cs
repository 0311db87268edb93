namespace SweepGrid.Robustness.Training;

/// <summary>
/// Seed 004's committee of models trained on adversarial examples: after natural training, the model is
/// trained on examples built from its latest snapshot, and a new snapshot is taken every
/// <see cref="IterationsPerSnapshot"/> mini-batches until the committee has <see cref="Members"/> members
/// (the naturally trained model included). Examples are built in two stages: x_R = clamp(x + ε·sign(∇ₓL(x)))
/// then x_train = clamp(x_R + c·∇ₓL(x_R)), c = <see cref="GradientScale"/> (0 skips the second stage).
/// </summary>
public sealed record CommitteeSettings(int Members = 6, int IterationsPerSnapshot = 500, double Epsilon = 0.1, double GradientScale = 0)
{
    public void Validate()
    {
        if (Members is < 1 or > 64)
        {
            throw new ArgumentException($"committee members must be in [1, 64] (got {Members})");
        }
        if (IterationsPerSnapshot < 1)
        {
            throw new ArgumentException($"iterations per snapshot must be >= 1 (got {IterationsPerSnapshot})");
        }
        if (!(Epsilon is > 0 and <= 1) || !(GradientScale >= 0))
        {
            throw new ArgumentException("committee ε must be in (0, 1] and the gradient scale c >= 0");
        }
    }
}
