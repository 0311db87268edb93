using System.Runtime.InteropServices;
using System.Text.Json;
using SweepGrid.Robustness;
using SweepGrid.Robustness.Conditions;
using SweepGrid.Robustness.Datasets;
using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Training;
using SweepGrid.Store;
using Device = TorchSharp.torch.Device;

namespace SweepGrid.Orchestration.Execution;

/// <summary>
/// Runs trials through the robustness library. A training trial whose weights are already stored (same
/// training, other evaluations) is only evaluated; otherwise it is trained and its weights are stored
/// under the weights key before the result is written, so a later trial can reuse them. An ensemble trial
/// loads its members' weights and evaluates them together.
/// </summary>
public sealed class ScienceTrialExecutor(ITrialStore store, string? dataDirectory, Device device, TimeProvider clock) : ITrialExecutor
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public TrialOutcome Execute(Lease lease, Action<TrialProgress> progress, CancellationToken cancellation)
    {
        try
        {
            var environment = new TrialEnvironment(dataDirectory, device, TorchRuntime.Threads);
            var result = lease.Kind == "ensemble"
                ? RunEnsemble(lease, environment, cancellation)
                : RunTraining(lease, environment, progress, cancellation);
            return result.Status switch
            {
                TrainingStatus.Completed => new TrialOutcome.Completed(ToResults(result)),
                TrainingStatus.Diverged => new TrialOutcome.Failed(result.Reason ?? "diverged", Retryable: false),
                _ => new TrialOutcome.Cancelled(result.Reason ?? "cancelled"),
            };
        }
        catch (OperationCanceledException)
        {
            return new TrialOutcome.Cancelled("cancelled");
        }
        catch (Exception e) when (e is DatasetException or FormatException or ArgumentException or InvalidConditionException or InvalidDataException)
        {
            // The same definition would fail the same way again.
            return new TrialOutcome.Failed($"{e.GetType().Name}: {e.Message}", Retryable: false);
        }
        catch (Exception e) when (e is ExternalException or StoreException or InvalidOperationException or IOException)
        {
            // Native errors (e.g. out of memory) and a store hiccup may pass on another attempt or node.
            return new TrialOutcome.Failed($"{e.GetType().Name}: {e.Message}", Retryable: true);
        }
    }

    private TrialResult RunTraining(Lease lease, TrialEnvironment environment, Action<TrialProgress> progress, CancellationToken cancellation)
    {
        var definition = TrialDefinitionReader.ReadTraining(lease.DefinitionJson);
        var stored = lease.WeightsKey is null ? null : store.GetArtifactAsync(lease.WeightsKey, cancellation).GetAwaiter().GetResult();
        if (stored is not null)
        {
            return TrialRunner.Evaluate(definition, stored, environment, cancellation);
        }
        var result = TrialRunner.Run(definition, environment, e => progress(new TrialProgress(e.Epoch, e.Loss, e.SamplesPerSecond)), cancellation);
        if (result.Weights is not null && lease.WeightsKey is not null)
        {
            store.PutArtifactAsync(lease.WeightsKey, result.Weights, clock.GetUtcNow(), cancellation).GetAwaiter().GetResult();
        }
        return result;
    }

    private TrialResult RunEnsemble(Lease lease, TrialEnvironment environment, CancellationToken cancellation)
    {
        var (memberIds, evaluations) = TrialDefinitionReader.ReadEnsemble(lease.DefinitionJson);
        var members = new List<EnsembleMember>();
        TrialDefinition? first = null;
        foreach (var id in memberIds)
        {
            var trial = store.GetTrialAsync(id, cancellation).GetAwaiter().GetResult()
                ?? throw new InvalidOperationException($"ensemble member {id} is not in the store");
            var definition = TrialDefinitionReader.ReadTraining(trial.DefinitionJson);
            first ??= definition;
            var weights = (trial.WeightsKey is null ? null : store.GetArtifactAsync(trial.WeightsKey, cancellation).GetAwaiter().GetResult())
                ?? throw new InvalidOperationException($"weights of ensemble member {id} are not stored");
            members.Add(new EnsembleMember(definition.Model, weights));
        }
        // Members share the dataset; the first one's data settings and seed stand for the ensemble's.
        var ensemble = first! with { Evaluations = evaluations };
        return TrialRunner.EvaluateEnsemble(ensemble, members, environment, cancellation);
    }

    private static TrialResults ToResults(TrialResult result) => new(
        result.Metrics.Select(m => new ResultRow(m.Condition, m.Metric, m.Value)).ToList(),
        JsonSerializer.Serialize(result.Curve, Json),
        JsonSerializer.Serialize(result.Timings, Json));
}
