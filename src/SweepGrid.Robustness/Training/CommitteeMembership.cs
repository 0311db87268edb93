namespace SweepGrid.Robustness.Training;

/// <summary>Which kind of committee a trained model is a member of (seed 004 compares the two).</summary>
public enum CommitteeKind
{
    /// <summary>Members are independently trained natural models: member k uses a seed derived from (seed, k).</summary>
    Standard,

    /// <summary>Member 1 is the natural model; member k &gt; 1 is the snapshot after k − 1 adversarial stages (<see cref="AdversarialCommittee"/>).</summary>
    Adversarial,
}

/// <summary>
/// A training trial that yields one committee member, so committees are ensembles of ordinary trials:
/// member 1 of either kind is the plain training. An adversarial member k retrains stages 1 … k − 1 (the
/// snapshots are deterministic), trading compute for needing no multi-model artifacts.
/// </summary>
public sealed record CommitteeMembership(CommitteeKind Kind = CommitteeKind.Standard, int Member = 1, CommitteeSettings? Adversarial = null)
{
    public static CommitteeMembership None { get; } = new();

    public bool IsPlainTraining => Member == 1;

    /// <summary>The adversarial stages' settings, with as many members as this member's number.</summary>
    public CommitteeSettings Stages => (Adversarial ?? new CommitteeSettings()) with { Members = Member };

    /// <summary>The seed a standard member trains with: the trial's for member 1, a derived one otherwise.</summary>
    public ulong SeedFor(ulong trialSeed) =>
        Kind == CommitteeKind.Standard && Member > 1 ? Conditions.ConditionSeed.Derive(trialSeed, $"committee-member-{Member}") : trialSeed;

    public void Validate()
    {
        if (Member is < 1 or > 64)
        {
            throw new ArgumentException($"the committee member must be in [1, 64] (got {Member})");
        }
        Stages.Validate();
    }
}
