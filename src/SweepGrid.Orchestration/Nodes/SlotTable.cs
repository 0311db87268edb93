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

/// <summary>How a slot took the coordinator's answer to its request.</summary>
public enum Grant
{
    /// <summary>The slot was waiting for a trial and runs it now.</summary>
    Started,

    /// <summary>The slot is busy and holds the trial until it is done with the ones before it.</summary>
    Held,

    /// <summary>No trial was given; the slot is free again once it waits for no other answer.</summary>
    Declined,

    /// <summary>The slot no longer waited for an answer (it gave up, or is draining): the trial goes back.</summary>
    Late,
}

/// <summary>
/// The node's decisions, kept pure so tests step them without threads or a store: which slots may ask
/// for work, what a lease or an outcome does to a slot, and when a drain is complete. Work pulling: a free
/// slot asks for a trial; a slot running short trials also asks ahead for the ones it runs next
/// (<see cref="ClaimAhead"/>) and holds them, so it does not idle through the coordinator's round trip
/// (a journal and a store write) between trials. Every request is answered once per trial asked for,
/// with a trial or with none.
/// </summary>
public sealed class SlotTable
{
    private readonly SlotPhase[] phases;
    private readonly Lease?[] leases;
    private readonly int[] awaiting;
    private readonly Queue<Lease>[] held;

    public SlotTable(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        phases = new SlotPhase[slots];
        leases = new Lease?[slots];
        awaiting = new int[slots];
        held = Enumerable.Range(0, slots).Select(_ => new Queue<Lease>()).ToArray();
    }

    public int Count => phases.Length;

    public bool Draining { get; private set; }

    public SlotPhase Phase(int slot) => phases[slot];

    public Lease? LeaseOf(int slot) => leases[slot];

    /// <summary>Answers this slot still waits for.</summary>
    public int Awaiting(int slot) => awaiting[slot];

    /// <summary>Free slots that should now ask for a lease, at most <paramref name="limit"/> (none while draining); they move to Leasing.</summary>
    public IReadOnlyList<int> ClaimFreeSlots(int limit = int.MaxValue)
    {
        if (Draining)
        {
            return [];
        }
        var claimed = new List<int>();
        for (var i = 0; i < phases.Length && claimed.Count < limit; i++)
        {
            if (Claim(i))
            {
                claimed.Add(i);
            }
        }
        return claimed;
    }

    /// <summary>This free slot asks for a lease now (not while draining); it moves to Leasing. False when it cannot.</summary>
    public bool Claim(int slot)
    {
        if (Draining || phases[slot] != SlotPhase.Free || awaiting[slot] > 0)
        {
            return false;
        }
        phases[slot] = SlotPhase.Leasing;
        awaiting[slot] = 1;
        return true;
    }

    /// <summary>
    /// This busy slot asks ahead for trials to run next, enough to hold <paramref name="depth"/> trials besides the
    /// running one. Returns how many it asks for (0 while draining, or when it holds or awaits enough already).
    /// </summary>
    public int ClaimAhead(int slot, int depth)
    {
        if (Draining || phases[slot] is SlotPhase.Free or SlotPhase.Leasing)
        {
            return 0;
        }
        var wanted = Math.Max(0, depth - held[slot].Count - awaiting[slot]);
        awaiting[slot] += wanted;
        return wanted;
    }

    /// <summary>The coordinator answered one trial asked for: with a trial (<paramref name="lease"/>) or with none.</summary>
    public Grant Granted(int slot, Lease? lease)
    {
        if (awaiting[slot] == 0)
        {
            return lease is null ? Grant.Declined : Grant.Late;
        }
        awaiting[slot]--;
        if (lease is null || Draining)
        {
            if (awaiting[slot] == 0 && phases[slot] == SlotPhase.Leasing)
            {
                phases[slot] = SlotPhase.Free;
            }
            return lease is null ? Grant.Declined : Grant.Late;
        }
        if (phases[slot] == SlotPhase.Leasing)
        {
            phases[slot] = SlotPhase.Running;
            leases[slot] = lease;
            return Grant.Started;
        }
        held[slot].Enqueue(lease);
        return Grant.Held;
    }

    /// <summary>The slot stops waiting for the answers it asked for (they were lost, e.g. while the coordinator moved); answers that still come are late.</summary>
    public void GiveUp(int slot)
    {
        awaiting[slot] = 0;
        if (phases[slot] == SlotPhase.Leasing)
        {
            phases[slot] = SlotPhase.Free;
        }
    }

    /// <summary>Takes back the held trial with this token (its study was cancelled); null when the slot holds none.</summary>
    public Lease? TakeHeld(int slot, Guid token)
    {
        var queue = held[slot];
        var found = queue.FirstOrDefault(l => l.Token == token);
        if (found is null)
        {
            return null;
        }
        held[slot] = new Queue<Lease>(queue.Where(l => l.Token != token));
        return found;
    }

    /// <summary>Takes back every held trial (a drain hands them back).</summary>
    public IReadOnlyList<Lease> TakeAllHeld()
    {
        var all = held.SelectMany(q => q).ToList();
        foreach (var queue in held)
        {
            queue.Clear();
        }
        return all;
    }

    /// <summary>Held trials, for heartbeats (the node holds them as much as its running ones).</summary>
    public IReadOnlyList<(int Slot, Lease Lease)> Held() =>
        Enumerable.Range(0, phases.Length).SelectMany(i => held[i].Select(l => (i, l))).ToList();

    /// <summary>The trial ended; its outcome is being written.</summary>
    public void Finished(int slot)
    {
        Expect(slot, SlotPhase.Running);
        phases[slot] = SlotPhase.Writing;
    }

    /// <summary>
    /// The outcome is sent: the slot starts the next trial it holds (returned), keeps waiting for one it asked for
    /// (Leasing), or is free.
    /// </summary>
    public Lease? Written(int slot)
    {
        Expect(slot, SlotPhase.Writing);
        leases[slot] = null;
        if (held[slot].TryDequeue(out var next))
        {
            phases[slot] = SlotPhase.Running;
            leases[slot] = next;
            return next;
        }
        phases[slot] = awaiting[slot] > 0 ? SlotPhase.Leasing : SlotPhase.Free;
        return null;
    }

    /// <summary>Slots whose trials are running, for heartbeats and for interruption on drain.</summary>
    public IReadOnlyList<(int Slot, Lease Lease)> Running() =>
        Enumerable.Range(0, phases.Length).Where(i => phases[i] == SlotPhase.Running).Select(i => (i, leases[i]!)).ToList();

    public void BeginDrain() => Draining = true;

    /// <summary>Drained: no slot runs, holds, or waits for a trial.</summary>
    public bool IsIdle => phases.All(p => p == SlotPhase.Free) && awaiting.All(a => a == 0) && held.All(q => q.Count == 0);

    private void Expect(int slot, SlotPhase phase)
    {
        if (phases[slot] != phase)
        {
            throw new InvalidOperationException($"slot {slot} is {phases[slot]}, expected {phase}");
        }
    }
}
