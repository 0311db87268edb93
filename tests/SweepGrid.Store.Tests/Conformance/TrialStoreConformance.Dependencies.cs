using static SweepGrid.Store.Tests.Support.Studies;

namespace SweepGrid.Store.Tests.Conformance;

public abstract partial class TrialStoreConformance
{
    [Fact]
    public async Task A_dependant_is_queued_exactly_when_all_its_dependencies_complete()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("m1", priority: 2), Trial("m2", priority: 1), Trial("ensemble", priority: 9, dependsOn: ["m1", "m2"])), T0);
        var m1 = await LeaseAsync("n1", T0, "m1");
        var m2 = await LeaseAsync("n2", T0, "m2");

        await Store.CompleteAsync(m1, SomeResults(), T0);
        await AssertStateAsync("ensemble", TrialState.Pending, "m2 has not completed yet");
        Assert.Null(await Store.LeaseNextAsync("n3", LeaseTime, T0));

        await Store.CompleteAsync(m2, SomeResults(), T0);
        await AssertStateAsync("ensemble", TrialState.Queued, "both members completed");
        var ensemble = await LeaseAsync("n3", T0, "ensemble");
        Assert.Equal(["m1", "m2"], (await TrialAsync("ensemble")).DependsOn);
        Assert.Equal(1, ensemble.Attempt);
    }

    [Fact]
    public async Task Dependencies_completing_at_the_same_time_release_the_dependant()
    {
        var members = Enumerable.Range(0, 6).Select(i => Trial($"m{i}", priority: 1)).ToList();
        await Store.SubmitStudyAsync(Study("s", [.. members, Trial("ensemble", dependsOn: members.Select(m => m.TrialId).ToArray())]), T0);
        var leases = new List<Lease>();
        foreach (var member in members)
            leases.Add(await LeaseAsync("n1", T0, member.TrialId));

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completions = leases.Select(lease => Task.Run(async () =>
        {
            await start.Task;
            return await Store.CompleteAsync(lease, SomeResults(), T0);
        })).ToArray();
        start.SetResult();
        var outcomes = await Task.WhenAll(completions);

        Assert.All(outcomes, o => Assert.True(o.IsAccepted, o.RejectionReason));
        await AssertStateAsync("ensemble", TrialState.Queued, "all six members completed concurrently");
    }

    [Fact]
    public async Task A_failed_dependency_fails_its_dependants_transitively()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("m1", priority: 1), Trial("m2"), Trial("ensemble", dependsOn: ["m1", "m2"]), Trial("report", dependsOn: ["ensemble"])), T0);

        await Store.FailAsync(await LeaseAsync("n1", T0, "m1"), "diverged at epoch 1", retryable: false, T0);

        await AssertStateAsync("ensemble", TrialState.Failed, "its member m1 failed");
        await AssertStateAsync("report", TrialState.Failed, "it depends on the failed ensemble");
        Assert.Equal("dependency m1 failed", (await TrialAsync("ensemble")).LastError);
        Assert.Equal("dependency ensemble failed", (await TrialAsync("report")).LastError);
        await AssertStateAsync("m2", TrialState.Queued, "a sibling's failure does not touch it");
    }

    [Fact]
    public async Task A_new_study_depending_on_completed_trials_is_queued_at_once()
    {
        await Store.SubmitStudyAsync(Study("three", Trial("m1"), Trial("m2")), T0);
        await Store.CompleteAsync(await LeaseAsync("n1", T0, "m1"), SomeResults(), T0);
        await Store.CompleteAsync(await LeaseAsync("n1", T0, "m2"), SomeResults(), T0);

        await Store.SubmitStudyAsync(Study("five", Trial("m1"), Trial("m2"), Trial("m3"), Trial("ensemble", dependsOn: ["m1", "m2", "m3"])), T0);
        await AssertStateAsync("ensemble", TrialState.Pending, "m3 is new and still queued");
        await Store.SubmitStudyAsync(Study("pair", Trial("m1"), Trial("m2"), Trial("pair", dependsOn: ["m1", "m2"])), T0);
        await AssertStateAsync("pair", TrialState.Queued, "both of its members already completed in another study");
    }
}
