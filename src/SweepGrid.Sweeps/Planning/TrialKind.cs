namespace SweepGrid.Sweeps;

/// <summary>What a planned trial does.</summary>
public enum TrialKind
{
    /// <summary>Trains one model (a point of the training-time axes, seed included) and evaluates it.</summary>
    Train,

    /// <summary>Evaluates an ensemble of already trained members (its <see cref="PlannedTrial.DependsOn"/>).</summary>
    Ensemble,
}
