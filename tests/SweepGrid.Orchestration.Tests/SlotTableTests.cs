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

        Assert.True(table.Granted(1, LeaseFor("a")));
        Assert.False(table.Granted(0, null));
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

        table.Written(0);
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
}
