using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SweepGrid.Reports;

/// <summary>
/// The machine-readable report: every pivot with, per cell, n, mean, std, the excluded count and the
/// trial ids and seeds it was computed from, plus the raw rows — so any printed number can be recomputed.
/// </summary>
public static class JsonRenderer
{
    /// <summary>Identifies the document layout; bumped when a field changes meaning.</summary>
    public const string FormatVersion = "sweepgrid-report/1";

    /// <summary>
    /// Renders <c>{ format, study, aggregation, pivots: [...], rows: [...] }</c> as indented UTF-8 JSON
    /// with <c>\n</c> line ends. Non-finite raw values are written as the strings <c>"NaN"</c>,
    /// <c>"Infinity"</c>, <c>"-Infinity"</c> (JSON has no such numbers); an empty cell's mean is null.
    /// Raw rows are sorted as in <see cref="CsvRenderer.RenderResults"/>. Deterministic.
    /// </summary>
    public static string Render(StudyInfo? study, IEnumerable<PivotTable> pivots, IEnumerable<ResultRow> rows)
    {
        ArgumentNullException.ThrowIfNull(pivots);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("format", FormatVersion);
            if (study is not null)
            {
                WriteStudy(json, study);
            }

            json.WriteString("aggregation", "mean ± sample standard deviation (divisor n − 1) over seeds; non-finite values excluded and counted; Δ pivots pair each trial's condition value with its own baseline value");
            json.WriteStartArray("pivots");
            foreach (var pivot in pivots)
            {
                WritePivot(json, pivot);
            }

            json.WriteEndArray();
            WriteRows(json, rows);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteStudy(Utf8JsonWriter json, StudyInfo study)
    {
        json.WriteStartObject("study");
        json.WriteString("name", study.Name);
        json.WriteString("description", study.Description);
        json.WriteString("created", study.Created.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteStartObject("details");
        foreach (var (key, value) in study.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePivot(Utf8JsonWriter json, PivotTable pivot)
    {
        json.WriteStartObject();
        json.WriteString("name", pivot.Name);
        json.WriteString("metric", pivot.Metric);
        json.WriteString("kind", pivot.Kind == PivotKind.PairedDelta ? "paired_delta" : "mean");
        json.WriteString("baseline", pivot.BaselineCondition);
        WriteStrings(json, "rowAxes", pivot.RowAxes);
        json.WriteStartObject("fixedAxes");
        foreach (var (path, label) in pivot.FixedAxes)
        {
            json.WriteString(path, label);
        }

        json.WriteEndObject();
        WriteStrings(json, "conditions", pivot.Conditions);
        json.WriteStartArray("rows");
        foreach (var row in pivot.Rows)
        {
            json.WriteStartObject();
            json.WriteStartObject("axes");
            for (var i = 0; i < pivot.RowAxes.Count; i++)
            {
                json.WriteString(pivot.RowAxes[i], row.AxisValues[i]);
            }

            json.WriteEndObject();
            json.WriteStartArray("cells");
            foreach (var cell in row.Cells)
            {
                WriteCell(json, cell);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter json, PivotCell cell)
    {
        var s = cell.Statistics;
        json.WriteStartObject();
        json.WriteString("condition", cell.Condition);
        json.WriteNumber("n", s.N);
        WriteNumberOrNull(json, "mean", s.N > 0 ? s.Mean : null);
        WriteNumberOrNull(json, "std", s.StandardDeviation);
        json.WriteNumber("excluded", s.Excluded);
        WriteStrings(json, "trialIds", cell.TrialIds);
        json.WriteStartArray("seeds");
        foreach (var seed in cell.Seeds)
        {
            json.WriteNumberValue(seed);
        }

        json.WriteEndArray();
        WriteStrings(json, "excludedTrialIds", cell.ExcludedTrialIds);
        json.WriteEndObject();
    }

    private static void WriteRows(Utf8JsonWriter json, IEnumerable<ResultRow> rows)
    {
        var (paths, sorted) = ResultOrdering.Sort(rows);
        json.WriteStartArray("rows");
        foreach (var row in sorted)
        {
            json.WriteStartObject();
            json.WriteString("trialId", row.TrialId);
            json.WriteStartObject("axes");
            foreach (var path in paths.Where(row.Axes.ContainsKey))
            {
                json.WriteString(path, row.Axes[path]);
            }

            json.WriteEndObject();
            json.WriteNumber("seed", row.Seed);
            json.WriteString("condition", row.Condition);
            json.WriteString("metric", row.Metric);
            if (double.IsFinite(row.Value))
            {
                json.WriteNumber("value", row.Value);
            }
            else
            {
                json.WriteString("value", ValueFormat.FormatRoundTrip(row.Value));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
