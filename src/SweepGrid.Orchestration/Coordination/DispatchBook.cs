namespace SweepGrid.Orchestration.Coordination;

/// <summary>
/// The coordinator's decisions, kept pure so tests step them without actors, threads or clocks: which
/// dispatches are in flight (trial, node, attempt token), whether a reported outcome is the current attempt's,
/// and which dispatches are lost when a node leaves, restarts or stops reporting them. Rebuilt on recovery by
/// replaying <see cref="ICoordinatorEvent"/>s through <see cref="Apply"/>.
/// </summary>
public sealed class DispatchBook
{
    private readonly Dictionary<string, TrialDispatched> inFlight = new(StringComparer.Ordinal);
    private readonly HashSet<string> settling = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> missedReports = new(StringComparer.Ordinal);

    /// <summary>Dispatches in flight, by trial id.</summary>
    public IReadOnlyCollection<TrialDispatched> InFlight => inFlight.Values;

    public int Count => inFlight.Count;

    public static DispatchBook From(CoordinatorSnapshot snapshot)
    {
        if (snapshot.FormatVersion != CoordinatorSnapshot.CurrentFormat)
        {
            throw new NotSupportedException($"coordinator snapshot format {snapshot.FormatVersion} is not {CoordinatorSnapshot.CurrentFormat}");
        }
        var book = new DispatchBook();
        foreach (var dispatch in snapshot.InFlight)
        {
            book.inFlight[dispatch.TrialId] = dispatch;
        }
        return book;
    }

    public CoordinatorSnapshot ToSnapshot() => new(CoordinatorSnapshot.CurrentFormat, inFlight.Values.OrderBy(d => d.TrialId, StringComparer.Ordinal).ToList());

    /// <summary>Applies a journaled fact. Ending a dispatch that is not (or no longer) in flight changes nothing.</summary>
    public void Apply(ICoordinatorEvent fact)
    {
        switch (fact)
        {
            case TrialDispatched dispatched:
                inFlight[dispatched.TrialId] = dispatched;
                settling.Remove(dispatched.TrialId);
                missedReports.Remove(dispatched.TrialId);
                break;
            case IDispatchEnded e:
                End(e.TrialId, e.Token);
                break;
        }
    }

    /// <summary>
    /// The dispatch an outcome belongs to, or null when the outcome is stale (an older attempt, a trial requeued
    /// after its node was lost, a duplicate of one already recorded): such an outcome is acknowledged and changes
    /// nothing. A dispatch whose outcome is being recorded is returned once; duplicates meanwhile get null.
    /// </summary>
    public TrialDispatched? BeginSettling(string trialId, Guid token)
    {
        if (!inFlight.TryGetValue(trialId, out var dispatch) || dispatch.Token != token || !settling.Add(trialId))
        {
            return null;
        }
        return dispatch;
    }

    /// <summary>Recording the outcome failed (database unavailable): the node's resend may try again.</summary>
    public void AbandonSettling(string trialId) => settling.Remove(trialId);

    public bool IsCurrent(string trialId, Guid token) => inFlight.TryGetValue(trialId, out var d) && d.Token == token;

    /// <summary>Dispatches held by <paramref name="nodeId"/> that are not already being settled (to release when it is lost).</summary>
    public IReadOnlyList<TrialDispatched> TakeDispatchesOf(string nodeId) =>
        inFlight.Values.Where(d => d.NodeId == nodeId && settling.Add(d.TrialId)).ToList();

    /// <summary>
    /// Dispatches lost because their node is not among <paramref name="liveNodes"/> (after a restart of the
    /// coordinator, the grace for nodes to re-attach is over).
    /// </summary>
    public IReadOnlyList<TrialDispatched> TakeOrphans(IReadOnlySet<string> liveNodes) =>
        inFlight.Values.Where(d => !liveNodes.Contains(d.NodeId) && settling.Add(d.TrialId)).ToList();

    /// <summary>
    /// A node reported what it holds. Dispatches to it that it did not report twice in a row are lost (the
    /// assignment never arrived, e.g. dropped while the coordinator moved) and are returned for release; one
    /// missed report is tolerated because an assignment may cross the report in flight. Only dispatches
    /// <paramref name="due"/> says the report must show count (the coordinator's clock: a node slowed down
    /// by a loaded machine may send several reports before it takes in an assignment).
    /// </summary>
    public IReadOnlyList<TrialDispatched> ReconcileReport(string nodeId, IReadOnlyCollection<Guid> heldTokens, Func<TrialDispatched, bool>? due = null)
    {
        var lost = new List<TrialDispatched>();
        foreach (var dispatch in inFlight.Values.Where(d => d.NodeId == nodeId && !settling.Contains(d.TrialId)))
        {
            if (heldTokens.Contains(dispatch.Token))
            {
                missedReports.Remove(dispatch.TrialId);
                continue;
            }
            if (due is not null && !due(dispatch))
            {
                continue; // sent too recently: the report may have left the node before the assignment arrived
            }
            var missed = missedReports.GetValueOrDefault(dispatch.TrialId) + 1;
            missedReports[dispatch.TrialId] = missed;
            if (missed >= 2 && settling.Add(dispatch.TrialId))
            {
                lost.Add(dispatch);
            }
        }
        return lost;
    }

    /// <summary>Dispatches whose trial the read model does not show as dispatched under the same token (settled there already).</summary>
    public IReadOnlyList<TrialDispatched> TakeSettledElsewhere(IReadOnlyDictionary<string, Guid> heldInReadModel) =>
        inFlight.Values.Where(d => (!heldInReadModel.TryGetValue(d.TrialId, out var token) || token != d.Token) && settling.Add(d.TrialId)).ToList();

    private void End(string trialId, Guid token)
    {
        if (inFlight.TryGetValue(trialId, out var dispatch) && dispatch.Token == token)
        {
            inFlight.Remove(trialId);
            settling.Remove(trialId);
            missedReports.Remove(trialId);
        }
    }
}
