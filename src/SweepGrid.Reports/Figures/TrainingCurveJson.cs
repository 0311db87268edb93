using System.Text.Json;

namespace SweepGrid.Reports.Figures;

/// <summary>
/// Reads the stored training curve: a JSON array of epochs with snake_case fields, e.g.
/// <c>[{"epoch":1,"loss":0.31,"train_accuracy":0.91,…}]</c>; other fields are ignored, NaN may be written
/// as <c>"NaN"</c> (a diverged epoch).
/// </summary>
public static class TrainingCurveJson
{
    /// <summary>Parses one trial's curve.</summary>
    /// <exception cref="FormatException">The text is not such an array; the message names the trial and what is wrong.</exception>
    public static TrialCurve Parse(string trialId, string json)
    {
        ArgumentNullException.ThrowIfNull(trialId);
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"training curve of trial {trialId}: expected a JSON array of epochs, got {document.RootElement.ValueKind}");
            }

            var epochs = new List<EpochPoint>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                epochs.Add(new EpochPoint(
                    element.TryGetProperty("epoch", out var epoch) && epoch.TryGetInt32(out var e) ? e : throw Missing(trialId, index, "epoch (an integer)"),
                    Number(element, "loss", trialId, index),
                    Number(element, "train_accuracy", trialId, index)));
                index++;
            }

            return new TrialCurve(trialId, epochs);
        }
        catch (JsonException e)
        {
            throw new FormatException($"training curve of trial {trialId} is not valid JSON: {e.Message}", e);
        }
    }

    private static double Number(JsonElement element, string name, string trialId, int index)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            throw Missing(trialId, index, $"{name} (a number)");
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when ValueFormat.TryParseNumber(value.GetString()!, out var parsed) => parsed,
            JsonValueKind.String when value.GetString() is "NaN" or "Infinity" or "-Infinity" => double.NaN,
            _ => throw Missing(trialId, index, $"{name} (a number)"),
        };
    }

    private static FormatException Missing(string trialId, int index, string what) =>
        new($"training curve of trial {trialId}: entry {index} lacks {what}");
}
