using static SweepGrid.Store.Tests.Support.Studies;

namespace SweepGrid.Store.Tests.Conformance;

public abstract partial class TrialStoreConformance
{
    [Fact]
    public async Task Artifacts_round_trip_and_a_second_put_keeps_the_first()
    {
        var weights = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();

        Assert.True(await Store.PutArtifactAsync("weights-a", weights, T0));
        Assert.False(await Store.PutArtifactAsync("weights-a", weights, T0.AddSeconds(1)));

        Assert.Equal(weights, await Store.GetArtifactAsync("weights-a"));
        Assert.Null(await Store.GetArtifactAsync("weights-missing"));
    }

    [Fact]
    public async Task Events_are_appended_in_order_and_can_be_polled_after_an_id()
    {
        await Store.SubmitStudyAsync(Study("s", Trial("a")), T0);
        await Store.SubmitStudyAsync(Study("other", Trial("b")), T0);
        var lease = await LeaseAsync("n1", T0.AddSeconds(1), "a");
        await Store.CompleteAsync(lease, SomeResults(), T0.AddSeconds(2));
        await Store.FinishStudiesAsync(T0.AddSeconds(3));

        var events = await Store.GetEventsAsync("s", 0);

        Assert.Equal(
            [StudyEventKinds.StudySubmitted, StudyEventKinds.TrialLeased, StudyEventKinds.TrialCompleted, StudyEventKinds.StudyCompleted],
            events.Select(e => e.Kind));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Id < p.Second.Id), "event ids must grow");
        Assert.Equal([T0, T0.AddSeconds(1), T0.AddSeconds(2), T0.AddSeconds(3)], events.Select(e => e.At));
        Assert.Equal("a", events[1].TrialId);
        var after = await Store.GetEventsAsync("s", events[1].Id);
        Assert.Equal([StudyEventKinds.TrialCompleted, StudyEventKinds.StudyCompleted], after.Select(e => e.Kind));
        Assert.Equal(2, (await Store.GetEventsAsync(null, 0, limit: 2)).Count);
        Assert.Contains(await Store.GetEventsAsync(null, 0), e => e.StudyId == "other");
    }

    [Fact]
    public async Task Node_heartbeats_are_recorded_and_updated()
    {
        await Store.RecordNodeHeartbeatAsync("gpu-0", 4, "ready", T0);
        await Store.RecordNodeHeartbeatAsync("cpu-1", 2, "ready", T0);
        await Store.RecordNodeHeartbeatAsync("gpu-0", 4, "draining", T0.AddSeconds(5));

        var nodes = await Store.ListNodesAsync();

        Assert.Equal(
            [new NodeRecord("cpu-1", 2, "ready", T0), new NodeRecord("gpu-0", 4, "draining", T0.AddSeconds(5))],
            nodes);
    }

    [Fact]
    public async Task The_coordinator_lock_has_one_holder_until_it_expires_or_is_released()
    {
        var ttl = TimeSpan.FromSeconds(10);

        Assert.True(await Store.TryAcquireCoordinatorLockAsync("c1", ttl, T0), "c1 should get the free lock");
        Assert.False(await Store.TryAcquireCoordinatorLockAsync("c2", ttl, T0.AddSeconds(5)), "c2 must not take c1's live lock");
        Assert.True(await Store.TryAcquireCoordinatorLockAsync("c1", ttl, T0.AddSeconds(9)), "c1 should renew its own lock");
        Assert.False(await Store.TryAcquireCoordinatorLockAsync("c2", ttl, T0.AddSeconds(18)), "c1's renewal runs to 19 s");
        Assert.True(await Store.TryAcquireCoordinatorLockAsync("c2", ttl, T0.AddSeconds(20)), "c2 should take the expired lock");
        Assert.False(await Store.TryAcquireCoordinatorLockAsync("c1", ttl, T0.AddSeconds(21)), "c1 lost the lock to c2");

        await Store.ReleaseCoordinatorLockAsync("c1"); // not the holder: no effect
        Assert.False(await Store.TryAcquireCoordinatorLockAsync("c1", ttl, T0.AddSeconds(22)), "c1's release must not free c2's lock");
        await Store.ReleaseCoordinatorLockAsync("c2");
        Assert.True(await Store.TryAcquireCoordinatorLockAsync("c1", ttl, T0.AddSeconds(23)), "the released lock is free");
    }

    [Fact]
    public async Task Concurrent_coordinators_get_the_lock_exactly_once()
    {
        await using var other = OpenSameDatabase();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await (i % 2 == 0 ? Store : other).TryAcquireCoordinatorLockAsync($"c{i}", TimeSpan.FromMinutes(1), T0);
        })).ToArray();
        start.SetResult();

        var won = await Task.WhenAll(attempts);

        Assert.Equal(1, won.Count(w => w));
    }
}
