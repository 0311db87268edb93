using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SweepGrid.Store;
using SweepGrid.Telemetry;
using Decisions = SweepGrid.Orchestration.Observability.OrchestrationLog;

namespace SweepGrid.Orchestration.Observability;

/// <summary>
/// Publishes trials by state per study and studies by state from the read model every <see cref="Interval"/>
/// (on coordinator-role members and in embedded runs). While the coordinator runs in this process it also counts
/// trials that ended since the last refresh, by study and outcome: the read model is where a trial's studies are
/// known (one trial may belong to several), so the count is taken there rather than from the coordinator's
/// dispatch, which knows only the trial. The first refresh after the coordinator arrives sets the baseline, so a
/// failover never counts a study's history again.
/// </summary>
public sealed class TrialStatePublisher(ITrialStore store, SweepGridMetrics metrics, OrchestrationCounts counts, ILogger<TrialStatePublisher> logger) : BackgroundService
{
    private static readonly (TrialState State, string Outcome)[] Endings =
        [(TrialState.Completed, "completed"), (TrialState.Failed, "failed"), (TrialState.Cancelled, "cancelled")];

    private readonly Dictionary<(string Study, TrialState State), int> ended = [];

    /// <summary>How often the read model is read.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Reads the read model once and publishes what it holds.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var studies = await store.ListStudiesAsync(cancellationToken).ConfigureAwait(false);
        metrics.ReportStudyStates(studies.GroupBy(s => s.State.ToString()).ToDictionary(g => g.Key, g => g.Count()));
        var counting = counts.CoordinatorRunsHere;
        if (!counting)
        {
            ended.Clear();
        }
        foreach (var study in studies)
        {
            var byState = await store.CountTrialsByStateAsync(study.StudyId, cancellationToken).ConfigureAwait(false);
            metrics.ReportTrialStates(study.StudyId, byState.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value));
            if (!counting)
            {
                continue;
            }
            foreach (var (state, outcome) in Endings)
            {
                var now = byState.TryGetValue(state, out var n) ? n : 0;
                if (ended.TryGetValue((study.StudyId, state), out var before) && now > before)
                {
                    metrics.TrialEnded(study.StudyId, outcome, now - before);
                }
                ended[(study.StudyId, state)] = now; // a retry lowers the failed count: the next ending counts from there
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (StoreException e)
            {
                Decisions.MetricsRefreshFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
