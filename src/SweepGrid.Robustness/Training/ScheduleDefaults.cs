using SweepGrid.Robustness.Models;

namespace SweepGrid.Robustness.Training;

/// <summary>
/// The schedule a trial gets when its settings leave parts out, shared by the command line and the
/// orchestrator so the same settings always mean the same training.
/// </summary>
public static class ScheduleDefaults
{
    /// <summary>
    /// γ when none is given: Caffe's inv uses 1e-4; seed 001's exponential decay is 0.98 per epoch; seed
    /// 000's StepLR decays by 0.7 per epoch (our choice; the paper gives no value).
    /// </summary>
    public static double Gamma(ScheduleKind kind) => kind switch
    {
        ScheduleKind.Inverse => 1e-4,
        ScheduleKind.Step => 0.7,
        ScheduleKind.Exponential => 0.98,
        _ => 0.1,
    };

    /// <summary>
    /// The effective schedule: seed 000's ablation CNN decays its rate with StepLR unless StepLR is the
    /// ablated feature, so "none" becomes "step" for it; and the <c>no-steplr</c> variant trains at a
    /// constant rate whatever schedule the settings give, since a study sets one schedule for all its
    /// variants and the ablation must still remove it.
    /// </summary>
    public static ScheduleSettings For(ModelSpec model, ScheduleKind kind, int stepSize, double? gamma)
    {
        var ablation = model.Kind == ModelKind.Ablation;
        var effective = ablation && !model.Ablation.StepLR ? ScheduleKind.None
            : kind == ScheduleKind.None && ablation ? ScheduleKind.Step
            : kind;
        return new ScheduleSettings(effective, stepSize, gamma ?? Gamma(effective));
    }

    public static ScheduleKind ParseKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "none" => ScheduleKind.None,
        "step" => ScheduleKind.Step,
        "exponential" => ScheduleKind.Exponential,
        "inv" => ScheduleKind.Inverse,
        _ => throw new FormatException($"unknown schedule '{text}'; allowed: none, step, exponential, inv"),
    };
}
