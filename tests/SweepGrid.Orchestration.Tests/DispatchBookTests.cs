using SweepGrid.Orchestration.Coordination;

namespace SweepGrid.Orchestration.Tests;

/// <summary>The coordinator's decisions, stepped without actors, threads or clocks.</summary>
public class DispatchBookTests
{
    private static readonly Guid TokenA = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid TokenB = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    [Fact]
    public void An_outcome_is_accepted_once_per_trial_and_token_and_a_stale_token_is_ignored()
    {
        var book = new DispatchBook();
        book.Apply(new TrialDispatched("t1", "n/1", TokenA, 1));

        Assert.Null(book.BeginSettling("t1", TokenB));
        Assert.NotNull(book.BeginSettling("t1", TokenA));
        Assert.Null(book.BeginSettling("t1", TokenA)); // a duplicate while the first is being recorded
        book.Apply(new TrialCompleted("t1", TokenA));
        Assert.Null(book.BeginSettling("t1", TokenA)); // a resend after it was recorded
        Assert.Equal(0, book.Count);
    }

    [Fact]
    public void A_failed_recording_lets_the_resent_outcome_try_again()
    {
        var book = new DispatchBook();
        book.Apply(new TrialDispatched("t1", "n/1", TokenA, 1));
        Assert.NotNull(book.BeginSettling("t1", TokenA));
        book.AbandonSettling("t1");
        Assert.NotNull(book.BeginSettling("t1", TokenA));
    }

    [Fact]
    public void A_lost_node_gives_up_exactly_its_own_dispatches()
    {
        var book = new DispatchBook();
        book.Apply(new TrialDispatched("t1", "a/1", TokenA, 1));
        book.Apply(new TrialDispatched("t2", "b/1", TokenB, 1));

        var lost = book.TakeDispatchesOf("a/1");

        Assert.Equal(["t1"], lost.Select(d => d.TrialId));
        Assert.Empty(book.TakeDispatchesOf("a/1")); // already being released
        Assert.Null(book.BeginSettling("t1", TokenA)); // a late result from the lost node changes nothing
        book.Apply(new TrialRequeued("t1", TokenA, "node lost"));
        Assert.Equal(["t2"], book.InFlight.Select(d => d.TrialId));
    }

    [Fact]
    public void After_recovery_dispatches_of_nodes_that_did_not_reattach_are_orphans()
    {
        var book = new DispatchBook();
        book.Apply(new TrialDispatched("t1", "a/1", TokenA, 1));
        book.Apply(new TrialDispatched("t2", "b/1", TokenB, 1));

        var orphans = book.TakeOrphans(new HashSet<string> { "b/1" });

        Assert.Equal(["t1"], orphans.Select(d => d.TrialId));
    }

    [Fact]
    public void A_dispatch_missing_from_two_reports_of_its_node_is_lost_but_one_miss_is_tolerated()
    {
        var book = new DispatchBook();
        book.Apply(new TrialDispatched("t1", "a/1", TokenA, 1));

        Assert.Empty(book.ReconcileReport("a/1", []));
        Assert.Empty(book.ReconcileReport("a/1", [TokenA]));
        Assert.Empty(book.ReconcileReport("a/1", []));
        Assert.Equal(["t1"], book.ReconcileReport("a/1", []).Select(d => d.TrialId));
    }

    [Fact]
    public void Reports_count_against_a_dispatch_only_once_it_is_due()
    {
        var book = new DispatchBook();
        book.Apply(new TrialDispatched("t1", "a/1", TokenA, 1));
        var due = false;

        // A slow node sends report after report before it takes in the assignment: none counts while not due.
        Assert.Empty(book.ReconcileReport("a/1", [], _ => due));
        Assert.Empty(book.ReconcileReport("a/1", [], _ => due));
        Assert.Empty(book.ReconcileReport("a/1", [], _ => due));
        due = true;
        Assert.Empty(book.ReconcileReport("a/1", [], _ => due));
        Assert.Equal(["t1"], book.ReconcileReport("a/1", [], _ => due).Select(d => d.TrialId));
    }

    [Fact]
    public void A_snapshot_restores_the_dispatches_in_flight_and_replay_continues_from_it()
    {
        var book = new DispatchBook();
        book.Apply(new TrialDispatched("t1", "a/1", TokenA, 1));
        book.Apply(new TrialDispatched("t2", "a/1", TokenB, 3));
        book.Apply(new TrialCompleted("t1", TokenA));

        var restored = DispatchBook.From(book.ToSnapshot());
        restored.Apply(new TrialHandedBack("t2", TokenB, "drain"));

        Assert.Equal(1, book.Count);
        Assert.Equal(0, restored.Count);
        Assert.Equal(3, book.InFlight.Single().Attempt);
    }

    [Fact]
    public void A_snapshot_of_an_unknown_format_is_refused()
    {
        Assert.Throws<NotSupportedException>(() => DispatchBook.From(new CoordinatorSnapshot(99, [])));
    }

    [Fact]
    public void Dispatches_the_read_model_already_settled_are_closed_after_a_restart()
    {
        var book = new DispatchBook();
        book.Apply(new TrialDispatched("t1", "a/1", TokenA, 1));
        book.Apply(new TrialDispatched("t2", "a/1", TokenB, 1));

        var settled = book.TakeSettledElsewhere(new Dictionary<string, Guid> { ["t2"] = TokenB });

        Assert.Equal(["t1"], settled.Select(d => d.TrialId));
    }
}
