using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Tests.Support;
using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Training;

/// <summary>
/// A committee member is an ordinary training trial: member 1 is the plain model, a standard member k trains
/// with a seed of its own, an adversarial member k is the snapshot after k − 1 adversarial stages; an
/// ensemble of the members is then attacked as one model.
/// </summary>
public class CommitteeMemberTests
{
    private static readonly CommitteeSettings Short = new(IterationsPerSnapshot: 10, Epsilon: 0.1);

    private static TrialDefinition Member(CommitteeKind kind, int member, params string[] evaluations) => new()
    {
        TrainLimit = 500,
        TestLimit = 200,
        Model = new ModelSpec { Kind = ModelKind.Mlp, HiddenUnits = 32 },
        Training = new TrainingConfig { Seed = 3, Epochs = 1, BatchSize = 50, Committee = new CommitteeMembership(kind, member, Short) },
        Evaluations = evaluations.Length == 0 ? ["clean"] : evaluations,
    };

    private static TrialEnvironment Environment => new(TestData.MnistDirectory, torch.CPU, Threads: 2);

    [Fact]
    public void Members_of_both_kinds_differ_from_the_plain_model_and_member_one_is_it()
    {
        var plain = TrialRunner.Run(Member(CommitteeKind.Standard, 1) with { Training = Member(CommitteeKind.Standard, 1).Training with { Committee = CommitteeMembership.None } }, Environment);
        var standardOne = TrialRunner.Run(Member(CommitteeKind.Standard, 1), Environment);
        var adversarialOne = TrialRunner.Run(Member(CommitteeKind.Adversarial, 1), Environment);
        var standardTwo = TrialRunner.Run(Member(CommitteeKind.Standard, 2), Environment);
        var adversarialTwo = TrialRunner.Run(Member(CommitteeKind.Adversarial, 2), Environment);
        var adversarialThree = TrialRunner.Run(Member(CommitteeKind.Adversarial, 3), Environment);

        Assert.Equal(plain.Weights, standardOne.Weights);
        Assert.Equal(plain.Weights, adversarialOne.Weights);
        Assert.NotEqual(plain.Weights, standardTwo.Weights);
        Assert.NotEqual(plain.Weights, adversarialTwo.Weights);
        Assert.NotEqual(adversarialTwo.Weights, adversarialThree.Weights);
        // The adversarial member starts from the natural model: its natural curve is the plain one.
        Assert.Equal(plain.Curve.Select(e => e.Loss), adversarialTwo.Curve.Select(e => e.Loss));
    }

    [Fact]
    public void A_committee_is_attacked_as_one_model_by_fgsm_pgd_and_noise()
    {
        string[] entries = ["fgsm=0.1", "pgd5=0.1;restarts=2", "noise=0.3", "graybox:lowpass5:fgsm=0.1"];
        var members = Enumerable.Range(1, 3)
            .Select(k => TrialRunner.Run(Member(CommitteeKind.Adversarial, k), Environment))
            .Select(r => new EnsembleMember(new ModelSpec { Kind = ModelKind.Mlp, HiddenUnits = 32 }, r.Weights!))
            .ToList();

        var committee = TrialRunner.EvaluateEnsemble(Member(CommitteeKind.Standard, 1, entries), members, Environment);

        foreach (var condition in new[] { "fgsm=0.1", "pgd5=0.1;restarts=2", "noise=0.3", "graybox:lowpass5:fgsm=0.1" })
        {
            Assert.NotNull(committee.Get(condition, "accuracy"));
        }
        Assert.True(committee.Get("pgd5=0.1;restarts=2", "accuracy") <= committee.Get("clean", "accuracy"));
        Assert.NotNull(committee.Get("clean", TrialRunner.MajorityVoteAccuracy));
    }
}
