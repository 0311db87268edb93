using Prometheus;

namespace SweepGrid.Telemetry;

/// <summary>
/// Every Prometheus instrument SweepGrid publishes, in one place, so names, units and label sets are
/// decided once. Labels are bounded: studies, nodes, roles, states, outcomes and reasons — never trial
/// ids, whose count is unbounded. Members serve the registry at <c>/metrics</c>.
/// </summary>
/// <remarks>
/// Production members use <see cref="Metrics.DefaultRegistry"/>, which also carries prometheus-net's
/// process and .NET runtime metrics; tests pass their own registry so instances do not share state.
/// </remarks>
public sealed class SweepGridMetrics
{
    private static readonly double[] TrialDurationBuckets = Histogram.ExponentialBuckets(0.5, 2, 16); // 0.5 s … ~4.5 h
    private static readonly double[] LatencyBuckets = Histogram.ExponentialBuckets(0.0005, 2, 16); // 0.5 ms … ~16 s

    private readonly Gauge _trials;
    private readonly Gauge _studies;
    private readonly Counter _trialsCompleted;
    private readonly Histogram _trialDuration;
    private readonly Counter _trainSamples;
    private readonly Gauge _slots;
    private readonly Gauge _members;
    private readonly Counter _requeues;
    private readonly Counter _singletonStarts;
    private readonly Counter _singletonFailovers;
    private readonly Histogram _journalWrite;
    private readonly Histogram _storeOperation;

    public SweepGridMetrics(CollectorRegistry registry, string version = "unknown")
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        var factory = Metrics.WithCustomRegistry(registry);
        _trials = factory.CreateGauge("sweepgrid_trials", "Trials of each study by state, as the coordinator knows them.", "study", "state");
        _studies = factory.CreateGauge("sweepgrid_studies", "Studies by state.", "state");
        _trialsCompleted = factory.CreateCounter("sweepgrid_trials_completed_total", "Trials that reached an end, by study and outcome (completed, failed, cancelled).", "study", "outcome");
        _trialDuration = factory.CreateHistogram("sweepgrid_trial_duration_seconds", "Wall time of one trial attempt on a slot, by outcome.",
            new HistogramConfiguration { LabelNames = ["outcome"], Buckets = TrialDurationBuckets });
        _trainSamples = factory.CreateCounter("sweepgrid_train_samples_total", "Training samples processed, by node and device.", "node", "device");
        _slots = factory.CreateGauge("sweepgrid_slots", "Slots of each node, by state (busy, free).", "node", "state");
        _members = factory.CreateGauge("sweepgrid_cluster_members", "Cluster members as this member sees them, by role and status.", "role", "status");
        _requeues = factory.CreateCounter("sweepgrid_requeues_total", "Trials handed back to the queue, by reason.", "reason");
        _singletonStarts = factory.CreateCounter("sweepgrid_coordinator_starts_total", "Times the coordinator singleton started on this member.");
        _singletonFailovers = factory.CreateCounter("sweepgrid_singleton_failovers_total", "Times the coordinator singleton started on this member and took over running work from an earlier incarnation.");
        _journalWrite = factory.CreateHistogram("sweepgrid_journal_write_seconds", "Time to persist one coordinator event to the journal.",
            new HistogramConfiguration { Buckets = LatencyBuckets });
        _storeOperation = factory.CreateHistogram("sweepgrid_store_operation_seconds", "Time of one results-store operation, by operation.",
            new HistogramConfiguration { LabelNames = ["operation"], Buckets = LatencyBuckets });
        foreach (var reason in RequeueReasons.All)
        {
            _requeues.WithLabels(reason); // every reason exists from the start, at 0
        }
        factory.CreateGauge("sweepgrid_build_info", "Always 1; the version of the running program as a label.", "version").WithLabels(version).Set(1);
    }

    /// <summary>The registry the instruments live in (the one to serve at /metrics).</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Publishes a study's trial counts by state (the store's names; <c>leased</c> counts as <c>running</c>).
    /// States missing from the map are set to zero, so a state that emptied does not keep its last value.</summary>
    public void ReportTrialStates(string study, IReadOnlyDictionary<string, int> countsByState)
    {
        ArgumentException.ThrowIfNullOrEmpty(study);
        ArgumentNullException.ThrowIfNull(countsByState);
        var published = countsByState.GroupBy(kv => TrialStates.Normalize(kv.Key)).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);
        foreach (var state in TrialStates.All)
        {
            _trials.WithLabels(study, state).Set(published.TryGetValue(state, out var count) ? count : 0);
        }
        if (published.TryGetValue("other", out var other))
        {
            _trials.WithLabels(study, "other").Set(other);
        }
        // Ending counters exist from the first report on, so rates over them are 0 rather than absent.
        foreach (var outcome in TrialOutcomes.Ended)
        {
            _trialsCompleted.WithLabels(study, outcome);
        }
    }

    /// <summary>Publishes how many studies are in each state (missing states become zero).</summary>
    public void ReportStudyStates(IReadOnlyDictionary<string, int> countsByState)
    {
        ArgumentNullException.ThrowIfNull(countsByState);
        var published = countsByState.GroupBy(kv => StudyStates.Normalize(kv.Key)).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);
        foreach (var state in StudyStates.All)
        {
            _studies.WithLabels(state).Set(published.TryGetValue(state, out var count) ? count : 0);
        }
    }

    /// <summary>Counts trials of <paramref name="study"/> that reached an end with <paramref name="outcome"/>.</summary>
    public void TrialEnded(string study, string outcome, long count = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(study);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _trialsCompleted.WithLabels(study, TrialOutcomes.Normalize(outcome)).Inc(count);
    }

    /// <summary>Records one attempt's wall time on a slot (by the node that ran it).</summary>
    public void AttemptFinished(string outcome, TimeSpan duration) =>
        _trialDuration.WithLabels(TrialOutcomes.Normalize(outcome)).Observe(Math.Max(0, duration.TotalSeconds));

    /// <summary>Adds training samples processed by a slot of <paramref name="node"/> on <paramref name="device"/>.</summary>
    public void TrainSamples(string node, string device, long samples)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentException.ThrowIfNullOrEmpty(device);
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        _trainSamples.WithLabels(node, device).Inc(samples);
    }

    /// <summary>Publishes a node's busy and free slots.</summary>
    public void ReportSlots(string node, int busy, int free)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        _slots.WithLabels(node, "busy").Set(busy);
        _slots.WithLabels(node, "free").Set(free);
    }

    /// <summary>Removes a node's slot series (the node left the cluster), so dashboards stop counting them.</summary>
    public void ForgetNode(string node)
    {
        _slots.RemoveLabelled(node, "busy");
        _slots.RemoveLabelled(node, "free");
    }

    /// <summary>Publishes the cluster's members as counts by (role, status); combinations not given become zero.</summary>
    public void ReportMembers(IEnumerable<(string Role, string Status)> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var counts = members.GroupBy(m => (m.Role, Status: MemberStatuses.Normalize(m.Status))).ToDictionary(g => g.Key, g => g.Count());
        foreach (var role in MemberRoles.All)
        {
            foreach (var status in MemberStatuses.All)
            {
                _members.WithLabels(role, status).Set(counts.TryGetValue((role, status), out var count) ? count : 0);
            }
        }
    }

    /// <summary>Counts a trial handed back to the queue.</summary>
    public void Requeued(string reason, long count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _requeues.WithLabels(RequeueReasons.Normalize(reason)).Inc(count);
    }

    /// <summary>Counts a start of the coordinator singleton here; <paramref name="tookOverRunningWork"/> marks a failover.</summary>
    public void CoordinatorStarted(bool tookOverRunningWork)
    {
        _singletonStarts.Inc();
        if (tookOverRunningWork)
        {
            _singletonFailovers.Inc();
        }
    }

    /// <summary>Records the time one journal write took.</summary>
    public void JournalWrite(TimeSpan duration) => _journalWrite.Observe(Math.Max(0, duration.TotalSeconds));

    /// <summary>Records the time one store operation took (operation: a short fixed name, e.g. "record-result").</summary>
    public void StoreOperation(string operation, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        _storeOperation.WithLabels(operation).Observe(Math.Max(0, duration.TotalSeconds));
    }

    /// <summary>The registry in Prometheus's text exposition format (what /metrics serves).</summary>
    public async Task<string> ExportAsync(CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream, cancellationToken).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
