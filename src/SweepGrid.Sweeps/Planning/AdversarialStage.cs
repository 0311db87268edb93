namespace SweepGrid.Sweeps;

/// <summary>
/// One stage of FGSM adversarial training: for <paramref name="Epochs"/> epochs the adversarial loss has
/// weight <paramref name="Weight"/> in (0, 1]; the last stage's weight continues for any later epoch.
/// </summary>
public sealed record AdversarialStage(long Epochs, double Weight);
