using SweepGrid.Store;

namespace SweepGrid.Orchestration.Nodes;

/// <summary>The state of a slot: free, asking the store for a lease, running a trial, or writing its outcome.</summary>
public enum SlotPhase
{
    Free,
    Leasing,
    Running,
    Writing,
}

/// <summary>
/// The node's decisions, kept pure so tests step them without threads or a store: which slots may ask
/// for work, what a lease or an outcome does to a slot, and when a drain is complete. Work pulling: a slot
/// asks for a trial only when it is free, so no node ever holds more leases than it has slots.
/// </summary>
public sealed class SlotTable
{
    private readonly SlotPhase[] phases;
    private readonly Lease?[] leases;

    public SlotTable(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        phases = new SlotPhase[slots];
        leases = new Lease?[slots];
    }

    public int Count => phases.Length;

    public bool Draining { get; private set; }

    public SlotPhase Phase(int slot) => phases[slot];

    public Lease? LeaseOf(int slot) => leases[slot];

    /// <summary>Free slots that should now ask for a lease (none while draining); they move to Leasing.</summary>
    public IReadOnlyList<int> ClaimFreeSlots()
    {
        if (Draining)
        {
            return [];
        }
        var claimed = new List<int>();
        for (var i = 0; i < phases.Length; i++)
        {
            if (phases[i] == SlotPhase.Free)
            {
                phases[i] = SlotPhase.Leasing;
                claimed.Add(i);
            }
        }
        return claimed;
    }

    /// <summary>This free slot asks for a lease now (not while draining); it moves to Leasing. False when it cannot.</summary>
    public bool Claim(int slot)
    {
        if (Draining || phases[slot] != SlotPhase.Free)
        {
            return false;
        }
        phases[slot] = SlotPhase.Leasing;
        return true;
    }

    /// <summary>The store answered: with a trial the slot runs it (true); with none the slot is free again.</summary>
    public bool Granted(int slot, Lease? lease)
    {
        Expect(slot, SlotPhase.Leasing);
        if (lease is null)
        {
            phases[slot] = SlotPhase.Free;
            return false;
        }
        phases[slot] = SlotPhase.Running;
        leases[slot] = lease;
        return true;
    }

    /// <summary>The trial ended; its outcome is being written.</summary>
    public void Finished(int slot)
    {
        Expect(slot, SlotPhase.Running);
        phases[slot] = SlotPhase.Writing;
    }

    /// <summary>The outcome is written (or was rejected): the slot is free.</summary>
    public void Written(int slot)
    {
        Expect(slot, SlotPhase.Writing);
        phases[slot] = SlotPhase.Free;
        leases[slot] = null;
    }

    /// <summary>Slots whose trials are running, for heartbeats and for interruption on drain.</summary>
    public IReadOnlyList<(int Slot, Lease Lease)> Running() =>
        Enumerable.Range(0, phases.Length).Where(i => phases[i] == SlotPhase.Running).Select(i => (i, leases[i]!)).ToList();

    public void BeginDrain() => Draining = true;

    /// <summary>Drained: no slot holds or is asking for a lease.</summary>
    public bool IsIdle => phases.All(p => p == SlotPhase.Free);

    private void Expect(int slot, SlotPhase phase)
    {
        if (phases[slot] != phase)
        {
            throw new InvalidOperationException($"slot {slot} is {phases[slot]}, expected {phase}");
        }
    }
}
