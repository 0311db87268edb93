using static SweepGrid.Store.Tests.Support.Studies;

namespace SweepGrid.Store.Tests.Conformance;

public abstract partial class TrialStoreConformance
{
    [Fact]
    public async Task Submitting_the_same_study_twice_inserts_nothing_new()
    {
        var study = Study("s1", Trial("a"), Trial("b"), Trial("c", dependsOn: ["a", "b"]));

        var first = await Store.SubmitStudyAsync(study, T0);
        var second = await Store.SubmitStudyAsync(study, T0.AddMinutes(1));

        Assert.True(first.StudyCreated);
        Assert.Equal((3, 3), (first.TrialsInserted, first.TrialsLinked));
        Assert.False(second.StudyCreated);
        Assert.Equal((0, 0), (second.TrialsInserted, second.TrialsLinked));
        Assert.Equal(StudyState.Running, second.Study.State);
        Assert.Equal(3, second.Study.TrialCount);
        Assert.Equal(T0, second.Study.CreatedAt);
        var counts = await Store.CountTrialsByStateAsync("s1");
        Assert.Equal(2, counts[TrialState.Queued]);
        Assert.Equal(1, counts[TrialState.Pending]);
        Assert.Equal(["s1"], (await Store.ListStudiesAsync()).Select(s => s.StudyId));
    }

    [Fact]
    public async Task A_trial_in_two_studies_is_stored_once_and_its_result_serves_both()
    {
        await Store.SubmitStudyAsync(Study("s1", Trial("shared"), Trial("only1")), T0);
        var second = await Store.SubmitStudyAsync(
            Study("s2", Trial("shared") with { AxesJson = """{"temperature":0.5}""" }, Trial("only2")), T0);

        Assert.Equal((1, 2), (second.TrialsInserted, second.TrialsLinked));
        var lease = await LeaseAsync("n1", T0, "shared");
        Assert.True((await Store.CompleteAsync(lease, Results(("clean", "accuracy", 0.9)), T0)).IsAccepted);

        var rows1 = await Store.GetResultsAsync("s1");
        var rows2 = await Store.GetResultsAsync("s2");
        Assert.Equal("shared", Assert.Single(rows1).TrialId);
        var row2 = Assert.Single(rows2);
        Assert.Equal("""{"temperature":0.5}""", row2.AxesJson);
        Assert.Equal(("clean", "accuracy", 0.9), (row2.Condition, row2.Metric, row2.Value));
        Assert.Equal("train-evaluate", row2.Kind);
        Assert.Equal("""{"trial":"shared"}""", row2.DefinitionJson);
    }

    [Fact]
    public async Task A_malformed_submission_is_rejected_and_stores_nothing()
    {
        var dangling = Study("bad", Trial("a"), Trial("b", dependsOn: ["not-in-study"]));
        var cyclic = Study("bad", Trial("a", dependsOn: ["b"]), Trial("b", dependsOn: ["a"]));
        var duplicate = Study("bad", Trial("a"), Trial("a"));

        foreach (var submission in new[] { dangling, cyclic, duplicate })
            await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitStudyAsync(submission, T0));

        Assert.Null(await Store.GetStudyAsync("bad"));
        Assert.Null(await Store.GetTrialAsync("a"));
    }

    [Fact]
    public async Task Results_come_back_in_submission_order_with_NaN_preserved()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("first", priority: 0), Trial("second", priority: 5)), T0);
        var second = await LeaseAsync("n1", T0, "second");
        var first = await LeaseAsync("n1", T0, "first");
        await Store.CompleteAsync(second, Results(("ood=noise", "auroc", double.NaN), ("clean", "accuracy", 0.5)), T0);
        await Store.CompleteAsync(first, Results(("clean", "accuracy", 0.7)), T0);

        var rows = await Store.GetResultsAsync("s");

        Assert.Equal(["first/clean", "second/ood=noise", "second/clean"], rows.Select(r => $"{r.TrialId}/{r.Condition}"));
        Assert.True(double.IsNaN(rows[1].Value), $"NaN should round-trip but read {rows[1].Value}");
        var trial = await TrialAsync("second");
        Assert.Equal("""[{"epoch":1,"loss":0.5}]""", trial.CurveJson);
        Assert.Equal("""{"train_s":1.5}""", trial.TimingsJson);
    }

    [Fact]
    public async Task Cancelling_a_study_cancels_its_waiting_trials_but_not_those_a_running_study_shares()
    {
        await Store.SubmitStudyAsync(Study("s1", Trial("leased", priority: 9), Trial("queued"), Trial("pending", dependsOn: ["leased"]), Trial("shared")), T0);
        await Store.SubmitStudyAsync(Study("s2", Trial("shared")), T0);
        var lease = await LeaseAsync("n1", T0, "leased");

        var cancelled = await Store.CancelStudyAsync("s1", T0.AddSeconds(1));
        var again = await Store.CancelStudyAsync("s1", T0.AddSeconds(2));

        Assert.Equal(StudyState.Cancelled, cancelled!.State);
        Assert.Equal(StudyState.Cancelled, again!.State);
        await AssertStateAsync("queued", TrialState.Cancelled, "its only study was cancelled");
        await AssertStateAsync("pending", TrialState.Cancelled, "its only study was cancelled");
        await AssertStateAsync("shared", TrialState.Queued, "running study s2 still needs it");
        Assert.True((await TrialAsync("leased")).CancelRequested, "the leased trial should carry a cancellation request");
        Assert.Equal(HeartbeatOutcome.CancelRequested, await Store.HeartbeatAsync(lease, Progress(1), T0.AddSeconds(3), LeaseTime));
        await AssertStateAsync("leased", TrialState.Cancelled, "its node heartbeated after the cancellation");
        Assert.Null(await Store.CancelStudyAsync("unknown", T0));
    }

    [Fact]
    public async Task Resubmitting_a_cancelled_study_resumes_it()
    {
        var study = Study("s", Trial("a"), Trial("b", dependsOn: ["a"]));
        await Store.SubmitStudyAsync(study, T0);
        await Store.CancelStudyAsync("s", T0);

        var resumed = await Store.SubmitStudyAsync(study, T0.AddMinutes(1));

        Assert.Equal(StudyState.Running, resumed.Study.State);
        await AssertStateAsync("a", TrialState.Queued, "the study was resumed");
        await AssertStateAsync("b", TrialState.Pending, "it still waits for a");
    }

    [Fact]
    public async Task Finishing_completes_a_study_only_when_all_its_trials_are_terminal()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a", priority: 1), Trial("b", maxAttempts: 1)), T0);
        var a = await LeaseAsync("n1", T0, "a");
        await Store.CompleteAsync(a, SomeResults(), T0);

        Assert.Empty(await Store.FinishStudiesAsync(T0));
        Assert.Equal(StudyState.Running, (await Store.GetStudyAsync("s"))!.State);

        var b = await LeaseAsync("n1", T0, "b");
        await Store.FailAsync(b, "out of memory", retryable: true, T0);
        Assert.Equal(["s"], await Store.FinishStudiesAsync(T0.AddSeconds(1)));
        Assert.Empty(await Store.FinishStudiesAsync(T0.AddSeconds(2)));
        var study = await Store.GetStudyAsync("s");
        Assert.Equal(StudyState.Completed, study!.State);
        Assert.Equal(T0.AddSeconds(1), study.UpdatedAt);
    }

    [Fact]
    public async Task Leased_trials_of_a_cancelled_study_end_as_cancelled_unless_their_result_arrives_first()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("done", priority: 3), Trial("fails", priority: 2), Trial("expires", priority: 1)), T0);
        var done = await LeaseAsync("n1", T0, "done");
        var fails = await LeaseAsync("n2", T0, "fails");
        var lost = await LeaseAsync("n3", T0, "expires");
        await Store.CancelStudyAsync("s", T0);

        var completion = await Store.CompleteAsync(done, SomeResults(), T0.AddSeconds(1));
        var failure = await Store.FailAsync(fails, "out of memory", retryable: true, T0.AddSeconds(1));
        await Store.ReleaseAsync(lost, "node n3 lost", attemptSpent: true, T0.AddMinutes(5));

        Assert.Equal(LeaseWriteOutcome.Accepted(TrialState.Completed), completion);
        Assert.Equal(LeaseWriteOutcome.Accepted(TrialState.Cancelled), failure);
        await AssertStateAsync("expires", TrialState.Cancelled, "its node was lost after its study was cancelled");
        Assert.Equal(2, (await Store.GetResultsAsync("s")).Count);
    }
}
