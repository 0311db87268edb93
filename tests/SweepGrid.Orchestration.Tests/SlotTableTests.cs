using SweepGrid.Orchestration.Nodes;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Tests;

public class SlotTableTests
{
    private static Lease LeaseFor(string trial) => new(trial, "train", "{}", null, "node", Guid.NewGuid(), 1, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Only_free_slots_ask_for_work_and_each_asks_once()
    {
        var table = new SlotTable(3);

        Assert.Equal([0, 1, 2], table.ClaimFreeSlots());
        Assert.Empty(table.ClaimFreeSlots());

        Assert.Equal(Grant.Started, table.Granted(1, LeaseFor("a")));
        Assert.Equal(Grant.Declined, table.Granted(0, null));
        Assert.Equal([0], table.ClaimFreeSlots());
        Assert.Equal(SlotPhase.Running, table.Phase(1));
        Assert.Equal("a", table.LeaseOf(1)!.TrialId);
    }

    [Fact]
    public void A_slot_is_free_again_only_after_its_outcome_is_written()
    {
        var table = new SlotTable(1);
        table.ClaimFreeSlots();
        table.Granted(0, LeaseFor("a"));

        table.Finished(0);
        Assert.Empty(table.ClaimFreeSlots());
        Assert.Empty(table.Running());

        Assert.Null(table.Written(0));
        Assert.Equal([0], table.ClaimFreeSlots());
    }

    [Fact]
    public void Draining_stops_new_work_and_is_complete_when_every_slot_is_free()
    {
        var table = new SlotTable(2);
        table.ClaimFreeSlots();
        table.Granted(0, LeaseFor("a"));
        table.Granted(1, null);

        table.BeginDrain();

        Assert.Empty(table.ClaimFreeSlots());
        Assert.False(table.IsIdle);
        Assert.Equal("a", Assert.Single(table.Running()).Lease.TrialId);
        table.Finished(0);
        table.Written(0);
        Assert.True(table.IsIdle);
    }

    [Fact]
    public void Out_of_order_facts_are_refused_with_the_slot_and_phase()
    {
        var table = new SlotTable(1);

        var error = Assert.Throws<InvalidOperationException>(() => table.Finished(0));

        Assert.Equal("slot 0 is Free, expected Running", error.Message);
    }

    [Fact]
    public void A_running_slot_asks_ahead_up_to_its_depth_and_runs_what_it_holds_in_order()
    {
        var table = new SlotTable(1);
        table.Claim(0);
        table.Granted(0, LeaseFor("a"));

        Assert.Equal(3, table.ClaimAhead(0, depth: 3));
        Assert.Equal(0, table.ClaimAhead(0, depth: 3)); // already awaiting three
        Assert.Equal(Grant.Held, table.Granted(0, LeaseFor("b")));
        Assert.Equal(Grant.Held, table.Granted(0, LeaseFor("c")));
        Assert.Equal(Grant.Declined, table.Granted(0, null));
        Assert.Equal(0, table.Awaiting(0));
        Assert.Equal(["b", "c"], table.Held().Select(h => h.Lease.TrialId));

        table.Finished(0);
        Assert.Equal("b", table.Written(0)!.TrialId);
        Assert.Equal(SlotPhase.Running, table.Phase(0));
        Assert.Equal(2, table.ClaimAhead(0, depth: 3)); // holds c: two more
        table.Finished(0);
        Assert.Equal("c", table.Written(0)!.TrialId);
        table.Finished(0);

        // Nothing held but still awaiting answers: the slot waits for them instead of asking again.
        Assert.Null(table.Written(0));
        Assert.Equal(SlotPhase.Leasing, table.Phase(0));
        Assert.False(table.Claim(0));
        Assert.Equal(Grant.Started, table.Granted(0, LeaseFor("d")));
        Assert.Equal(Grant.Held, table.Granted(0, LeaseFor("e")));
        Assert.Equal("d", table.LeaseOf(0)!.TrialId);
    }

    [Fact]
    public void A_free_or_asking_slot_does_not_ask_ahead()
    {
        var table = new SlotTable(1);

        Assert.Equal(0, table.ClaimAhead(0, depth: 4));
        table.Claim(0);
        Assert.Equal(0, table.ClaimAhead(0, depth: 4));
    }

    [Fact]
    public void An_answer_nobody_waits_for_is_late_and_goes_back()
    {
        var table = new SlotTable(1);
        table.Claim(0);
        table.GiveUp(0);

        Assert.Equal(SlotPhase.Free, table.Phase(0));
        Assert.Equal(Grant.Late, table.Granted(0, LeaseFor("a")));
        Assert.Equal(Grant.Declined, table.Granted(0, null));
        Assert.True(table.IsIdle);
    }

    [Fact]
    public void A_drain_takes_back_held_trials_refuses_answers_still_coming_and_ends_when_none_is_awaited()
    {
        var table = new SlotTable(1);
        table.Claim(0);
        table.Granted(0, LeaseFor("a"));
        table.ClaimAhead(0, depth: 2);
        table.Granted(0, LeaseFor("b"));

        table.BeginDrain();

        Assert.Equal("b", Assert.Single(table.TakeAllHeld()).TrialId);
        Assert.Equal(0, table.ClaimAhead(0, depth: 2));
        Assert.Equal(Grant.Late, table.Granted(0, LeaseFor("c"))); // the second answer: handed back
        table.Finished(0);
        Assert.Null(table.Written(0));
        Assert.True(table.IsIdle);
    }

    [Fact]
    public void A_cancelled_held_trial_is_taken_back_by_its_token_only()
    {
        var table = new SlotTable(1);
        table.Claim(0);
        table.Granted(0, LeaseFor("a"));
        table.ClaimAhead(0, depth: 2);
        var b = LeaseFor("b");
        table.Granted(0, b);
        table.Granted(0, LeaseFor("c"));

        Assert.Null(table.TakeHeld(0, Guid.NewGuid()));
        Assert.Equal("b", table.TakeHeld(0, b.Token)!.TrialId);
        Assert.Equal(["c"], table.Held().Select(h => h.Lease.TrialId));
    }
}
