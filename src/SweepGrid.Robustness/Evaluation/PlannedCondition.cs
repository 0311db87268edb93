using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>One condition of a plan, optionally behind a pre-processing stage; <see cref="Name"/> keys its results.</summary>
public sealed record PlannedCondition(IEvaluationCondition Condition, IPreprocessingStage? Stage = null)
{
    public int? LowPassKernel => (Stage as LowPassStage)?.KernelSize;

    public string Name => (Stage?.Prefix ?? "") + Condition.Name;

    /// <summary>Attacks (FGSM, PGD) use the model; corruptions do not, so a threat model matters for attacks only.</summary>
    public bool IsAttack => Condition is FgsmCondition or PgdCondition;
}
