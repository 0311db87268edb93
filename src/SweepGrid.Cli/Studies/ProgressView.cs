using System.Globalization;
using Spectre.Console;
using SweepGrid.Orchestration.Embedded;
using SweepGrid.Store;

namespace SweepGrid.Cli.Studies;

/// <summary>
/// Shows an embedded run's progress: on a terminal a live table (<see cref="Render"/>: study bar with ETA,
/// then per slot the trial, epoch, loss and samples/s); when output is redirected, one line whenever the
/// counts change (<see cref="Show"/>).
/// </summary>
public sealed class ProgressView(TextWriter output)
{
    private string lastCounts = "";

    public void Show(RunProgress progress)
    {
        // Compared without the elapsed time and ETA, which change every poll: a log gets one line per change of counts.
        var counts = Counts(progress);
        if (counts != lastCounts)
        {
            output.WriteLine(Summary(progress));
            lastCounts = counts;
        }
    }

    private static string Counts(RunProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Count(TrialState.Completed)}/{p.Count(TrialState.Leased)}/{p.Count(TrialState.Failed)}/{p.Count(TrialState.Cancelled)}");

    public static string Summary(RunProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.StudyId}: {p.Count(TrialState.Completed)}/{p.Total} completed, {p.Count(TrialState.Leased)} running, {p.Count(TrialState.Failed)} failed, {p.Count(TrialState.Cancelled)} cancelled ({p.Elapsed.TotalSeconds:F0} s{Eta(p)})");

    private static string Eta(RunProgress p)
    {
        var done = p.Done;
        if (done == 0 || done == p.Total)
        {
            return "";
        }
        var remaining = p.Elapsed.TotalSeconds / done * (p.Total - done);
        return string.Create(CultureInfo.InvariantCulture, $", about {remaining:F0} s left");
    }

    public static Table Render(RunProgress p)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(Summary(p)));
        table.AddColumn("slot");
        table.AddColumn("state");
        table.AddColumn("trial");
        table.AddColumn("epoch");
        table.AddColumn("loss");
        table.AddColumn("samples/s");
        var width = Math.Max(0, Console.WindowWidth - 60);
        var fraction = p.Total == 0 ? 0 : (double)p.Done / p.Total;
        table.Caption("[green]" + new string('█', (int)(fraction * Math.Min(width, 50))) + "[/]" + new string('░', Math.Min(width, 50) - (int)(fraction * Math.Min(width, 50))));
        foreach (var slot in p.Node?.Slots ?? [])
        {
            table.AddRow(
                slot.Slot.ToString(CultureInfo.InvariantCulture),
                slot.State,
                slot.TrialId is null ? "" : slot.TrialId[..12],
                slot.Progress?.Epoch.ToString(CultureInfo.InvariantCulture) ?? "",
                slot.Progress?.Loss?.ToString("F4", CultureInfo.InvariantCulture) ?? "",
                slot.Progress?.SamplesPerSecond?.ToString("N0", CultureInfo.InvariantCulture) ?? "");
        }
        return table;
    }
}
