using System.Text.Json;

namespace SweepGrid.Orchestration.Nodes;

/// <summary>
/// How many training samples a trial's definition asks for: <c>dataset.train_limit × training.epochs</c> of a
/// training trial. Ensembles train nothing; a definition without a limit (0 = the whole pool, whose size only the
/// dataset knows) or that does not parse counts 0, so the metric never claims work it cannot vouch for.
/// </summary>
public static class TrainingWork
{
    public static long SamplesOf(string definitionJson)
    {
        try
        {
            using var document = JsonDocument.Parse(definitionJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("kind", out var kind) || kind.GetString() != "train"
                || !root.TryGetProperty("dataset", out var dataset) || !dataset.TryGetProperty("train_limit", out var limit)
                || !root.TryGetProperty("training", out var training) || !training.TryGetProperty("epochs", out var epochs)
                || !limit.TryGetInt64(out var images) || !epochs.TryGetInt64(out var passes))
            {
                return 0;
            }
            return images > 0 && passes > 0 ? checked(images * passes) : 0;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or OverflowException)
        {
            return 0;
        }
    }
}
