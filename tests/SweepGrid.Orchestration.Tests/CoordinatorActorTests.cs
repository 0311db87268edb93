using Akka.Actor;
using Akka.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using SweepGrid.Orchestration.Coordination;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Nodes;
using SweepGrid.Orchestration.Observability;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Tests;

/// <summary>The coordinator actor with its real journal (SQLite) and store; test probes play the nodes.</summary>
public sealed class CoordinatorActorTests : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private static readonly TrialOutcome Done = new NoOpTrialExecutor().Execute(null!, _ => { }, CancellationToken.None);
    private readonly string path;
    private readonly ITrialStore store;
    private readonly OrchestrationCounts counts = new();

    public CoordinatorActorTests() : this(StudyFixtures.TempDatabase())
    {
    }

    private CoordinatorActorTests(string path) : base(AkkaTestConfig.WithJournal(path))
    {
        this.path = path;
        store = TrialStores.OpenSqlite(path);
    }

    public async Task InitializeAsync() => await store.MigrateAsync();

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        File.Delete(path);
    }

    [Fact]
    public async Task A_stopped_node_loses_its_trial_to_another_node_and_its_late_result_changes_nothing()
    {
        var coordinator = StartCoordinator();
        await SubmitAsync(coordinator, StudyFixtures.Study("k", trials: 1));
        var a = NodeProbe();
        var first = await AssignAsync(coordinator, a, "a/1");

        Sys.Stop(a.Ref);
        await AwaitAssertAsync(async () => Assert.Equal(TrialState.Queued, (await store.GetTrialAsync(first.TrialId))!.State),
            TimeSpan.FromSeconds(10));
        Assert.Equal(1, (await store.GetTrialAsync(first.TrialId))!.Attempts);
        Assert.Equal(1, counts.RequeuesByReason["node-lost"]);

        var b = NodeProbe();
        var second = await AssignAsync(coordinator, b, "b/1");
        Assert.Equal(first.TrialId, second.TrialId);
        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(2, second.Attempt);

        // The lost attempt's result arrives late: acknowledged, ignored.
        coordinator.Tell(new ReportOutcome("a/1", first.TrialId, first.Token, Done), b);
        b.ExpectMsg<OutcomeAcknowledged>(m => m.Token == first.Token);
        Assert.Equal(TrialState.Leased, (await store.GetTrialAsync(first.TrialId))!.State);

        coordinator.Tell(new ReportOutcome("b/1", second.TrialId, second.Token, Done), b);
        b.ExpectMsg<OutcomeAcknowledged>(m => m.Token == second.Token);
        coordinator.Tell(new ReportOutcome("b/1", second.TrialId, second.Token, Done), b); // resent: changes nothing
        b.ExpectMsg<OutcomeAcknowledged>(m => m.Token == second.Token);
        Assert.Equal(TrialState.Completed, (await store.GetTrialAsync(first.TrialId))!.State);
        Assert.Single(await store.GetResultsAsync("k"));
    }

    [Fact]
    public async Task A_restarted_coordinator_recovers_dispatches_from_the_journal_and_accepts_their_results()
    {
        var coordinator = StartCoordinator();
        await SubmitAsync(coordinator, StudyFixtures.Study("r", trials: 2));
        var node = NodeProbe();
        var held = await AssignAsync(coordinator, node, "n/1");
        await StopAsync(coordinator);

        var recovered = StartCoordinator(new CoordinatorOptions { NodeReattachGrace = TimeSpan.FromSeconds(30) });
        recovered.Tell(new RegisterNode("n/1", 1, [held.Token]), node);
        recovered.Tell(new ReportOutcome("n/1", held.TrialId, held.Token, Done), node);

        node.ExpectMsg<OutcomeAcknowledged>(m => m.Token == held.Token, TimeSpan.FromSeconds(10));
        Assert.Equal(TrialState.Completed, (await store.GetTrialAsync(held.TrialId))!.State);
        Assert.Single(await store.GetResultsAsync("r"));
    }

    [Fact]
    public async Task A_handed_back_trial_keeps_its_attempt_and_a_real_failure_spends_one()
    {
        var coordinator = StartCoordinator();
        await SubmitAsync(coordinator, StudyFixtures.Study("h", trials: 1));
        var node = NodeProbe();
        var lease = await AssignAsync(coordinator, node, "n/1");

        coordinator.Tell(new ReportOutcome("n/1", lease.TrialId, lease.Token, new TrialOutcome.Cancelled("drain")), node);
        node.ExpectMsg<OutcomeAcknowledged>();
        Assert.Equal(0, (await store.GetTrialAsync(lease.TrialId))!.Attempts);

        var again = await AssignAsync(coordinator, node, "n/1");
        coordinator.Tell(new ReportOutcome("n/1", again.TrialId, again.Token, new TrialOutcome.Failed("diverged at epoch 2", Retryable: false)), node);
        node.ExpectMsg<OutcomeAcknowledged>();
        var failed = (await store.GetTrialAsync(lease.TrialId))!;
        Assert.Equal(TrialState.Failed, failed.State);
        Assert.Equal("diverged at epoch 2", failed.LastError);

        coordinator.Tell(new RetryStudy("h"), TestActor);
        Assert.Equal(1, ExpectMsg<RetryStudyReply>().Result.Requeued);
        Assert.Equal(TrialState.Queued, (await store.GetTrialAsync(lease.TrialId))!.State);
    }

    [Fact]
    public async Task A_slot_asking_ahead_gets_one_answer_per_trial_and_nodes_hear_of_new_work()
    {
        var coordinator = StartCoordinator();
        await SubmitAsync(coordinator, StudyFixtures.Study("a", trials: 2));
        var node = CreateTestProbe();
        node.IgnoreMessages(m => m is WorkAvailable);
        var running = await AssignAsync(coordinator, node, "n/1");

        coordinator.Tell(new RequestWork("n/1", 0, Count: 3), node);

        // Only two trials: one answer leases the other, two say "none" (they may come first: they need no journal write).
        var answers = new[] { node.ReceiveOne(TimeSpan.FromSeconds(10)), node.ReceiveOne(TimeSpan.FromSeconds(10)), node.ReceiveOne(TimeSpan.FromSeconds(10)) };
        Assert.NotEqual(running.TrialId, Assert.IsType<TrialAssigned>(Assert.Single(answers, a => a is TrialAssigned)).Lease.TrialId);
        Assert.Equal(2, answers.Count(a => a is NoWork));
        node.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        // A registered node hears of a new study at once instead of at its next poll.
        var listener = CreateTestProbe();
        coordinator.Tell(new RegisterNode("l/1", 1, []), listener);
        await SubmitAsync(coordinator, StudyFixtures.Study("b", trials: 1));
        listener.ExpectMsg<WorkAvailable>(TimeSpan.FromSeconds(10));
    }

    /// <summary>A probe playing a node; the "new work" nudges are not what these tests look at.</summary>
    private TestProbe NodeProbe()
    {
        var probe = CreateTestProbe();
        probe.IgnoreMessages(m => m is WorkAvailable);
        return probe;
    }

    private IActorRef StartCoordinator(CoordinatorOptions? options = null) =>
        Sys.ActorOf(Props.Create(() => new CoordinatorActor(store, options ?? new CoordinatorOptions { NodeReattachGrace = TimeSpan.Zero },
            NullLoggerFactory.Instance, counts)));

    private async Task SubmitAsync(IActorRef coordinator, StudySubmission study)
    {
        coordinator.Tell(new SubmitStudy(study), TestActor);
        await ExpectMsgAsync<SubmitStudyReply>(TimeSpan.FromSeconds(10));
    }

    /// <summary>Registers the probe as a node and asks until a trial is assigned (the coordinator first reconciles).</summary>
    private static async Task<Lease> AssignAsync(IActorRef coordinator, TestProbe node, string nodeId)
    {
        coordinator.Tell(new RegisterNode(nodeId, 1, []), node);
        for (var i = 0; i < 100; i++)
        {
            coordinator.Tell(new RequestWork(nodeId, 0), node);
            switch (await node.ReceiveOneAsync(TimeSpan.FromSeconds(10)))
            {
                case TrialAssigned assigned:
                    return assigned.Lease;
                case NoWork:
                    await Task.Delay(50);
                    break;
            }
        }
        throw new InvalidOperationException($"node {nodeId} got no trial in 100 requests");
    }

    private async Task StopAsync(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
    }
}
