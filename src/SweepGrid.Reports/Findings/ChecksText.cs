using System.Globalization;
using System.Text;
using SweepGrid.Sweeps;

namespace SweepGrid.Reports.Findings;

/// <summary>The printed form of checked findings and flagged models, for the console and for <c>summary.md</c>.</summary>
public static class ChecksText
{
    /// <summary>Lines for the console (empty when there is nothing to say).</summary>
    public static string Console(IReadOnlyList<FindingOutcome> outcomes, IReadOnlyList<UndertrainedModel> undertrained, int decimals = 4)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(undertrained);
        var text = new StringBuilder();
        foreach (var outcome in outcomes)
        {
            text.Append("finding ").Append(Verdict(outcome)).Append(": ").Append(outcome.Finding.Claim).Append('\n')
                .Append("  ").Append(Measured(outcome, decimals)).Append('\n');
            if (outcome.Finding.Paper is { } paper)
            {
                text.Append("  paper: ").Append(paper).Append('\n');
            }
            if (outcome.Finding.KnownDifference is { } difference && outcome.Verdict != FindingVerdict.Reproduced)
            {
                text.Append("  known difference: ").Append(difference).Append('\n');
            }
        }
        if (undertrained.Count > 0)
        {
            text.Append(Invariant($"warning: {undertrained.Count} model(s) barely learned the task; their robustness numbers say little:\n"));
            foreach (var model in undertrained.Take(10))
            {
                text.Append("  ").Append(model.Configuration).Append(": clean accuracy ")
                    .Append(ValueFormat.FormatMeasurement(model.CleanAccuracy, decimals)).Append(", ").Append(model.Reason).Append('\n');
            }
            if (undertrained.Count > 10)
            {
                text.Append(Invariant($"  … and {undertrained.Count - 10} more (see summary.md)\n"));
            }
        }
        return text.ToString();
    }

    /// <summary>The <c>## Findings</c> and <c>## Models that barely learned</c> sections of <c>summary.md</c> (empty when neither applies).</summary>
    public static string Markdown(IReadOnlyList<FindingOutcome> outcomes, IReadOnlyList<UndertrainedModel> undertrained, int decimals = 4)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(undertrained);
        var md = new StringBuilder();
        if (outcomes.Count > 0)
        {
            md.Append("\n## Findings\n\nThe paper's qualitative claims (the spec's `findings`), checked on the means over seeds and the other axes.\n\n");
            md.Append("| claim | verdict | measured | paper |\n| --- | --- | --- | --- |\n");
            foreach (var outcome in outcomes)
            {
                md.Append("| ").Append(Cell(outcome.Finding.Claim)).Append(" | ").Append(Cell(Verdict(outcome)))
                    .Append(" | ").Append(Cell(Measured(outcome, decimals))).Append(" | ").Append(Cell(PaperCell(outcome))).Append(" |\n");
            }
        }
        if (undertrained.Count > 0)
        {
            md.Append("\n## Models that barely learned\n\nTheir robustness numbers say little: a model that is wrong on clean data has nothing left to lose under attack or shift.\n\n");
            md.Append("| configuration | clean accuracy | why flagged |\n| --- | ---: | --- |\n");
            foreach (var model in undertrained)
            {
                md.Append("| ").Append(Cell(model.Configuration)).Append(" | ").Append(ValueFormat.FormatMeasurement(model.CleanAccuracy, decimals))
                    .Append(" | ").Append(Cell(model.Reason)).Append(" |\n");
            }
        }
        return md.ToString();
    }

    /// <summary>E.g. <c>accuracy under fgsm=0.1 by model.temperature: 1/32 0.4262 &gt; 1/8 0.2143 &gt; 1 0.1497</c>.</summary>
    public static string Measured(FindingOutcome outcome, int decimals)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var finding = outcome.Finding;
        var relation = finding.Shape == FindingShape.Increasing ? " < " : " > ";
        var where = finding.Where.Count == 0 ? "" : " where " + string.Join(", ", finding.Where.Select(w =>
            w.Value == Finding.AxisAbsent ? $"no {w.Key}" : $"{w.Key}={ValueFormat.FormatAxisValue(w.Value)}"));
        var points = string.Join(relation, outcome.Points.Select(p =>
            $"{ValueFormat.FormatAxisValue(p.Value)} {(p.Trials == 0 ? "(no results)" : ValueFormat.FormatMeasurement(p.Mean, decimals))}"));
        return finding.AlongConditions
            ? $"{finding.Metric} by condition{where}: {points}"
            : $"{finding.Metric} under {finding.Condition} by {finding.Axis}{where}: {points}";
    }

    /// <summary>The verdict in words; a claim with a known difference says so (and why, in Markdown).</summary>
    private static string Verdict(FindingOutcome outcome) => outcome.Verdict switch
    {
        FindingVerdict.Reproduced => "reproduced",
        FindingVerdict.NotReproduced when outcome.Finding.KnownDifference is not null => "NOT reproduced (known difference)",
        FindingVerdict.NotReproduced => "NOT reproduced",
        _ => "not measured",
    };

    private static string PaperCell(FindingOutcome outcome) =>
        outcome.Finding.KnownDifference is { } difference && outcome.Verdict != FindingVerdict.Reproduced
            ? $"{outcome.Finding.Paper}{(outcome.Finding.Paper is null ? "" : " — ")}known difference: {difference}"
            : outcome.Finding.Paper ?? "";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
