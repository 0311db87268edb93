using System.Globalization;
using System.Xml.Linq;
using SweepGrid.Cli.Studies;
using SweepGrid.Store;

namespace SweepGrid.Cli.Tests;

/// <summary>Figures from a real SQLite store: the spec's order of text axis values and the stored training curves reach the report.</summary>
public sealed class StudyReportsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("sweepgrid-study-reports-");
    private ITrialStore store = null!;

    public async Task InitializeAsync()
    {
        store = TrialStores.OpenSqlite(Path.Combine(dir.FullName, "store.db"));
        await store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Figures_show_text_axis_values_in_submission_order_and_the_stored_training_curves()
    {
        // Submitted none, inp, all (not alphabetical), two seeds each.
        string[] layouts = ["none", "inp", "all"];
        var trials = layouts.SelectMany((layout, i) => new[] { 1, 2 }.Select(seed => new TrialSubmission(
            $"{layout}-{seed}", "train-evaluate", $$$"""{"training":{"seed":{{{seed}}}}}""", null,
            $$"""{"model.dropout":"{{layout}}","seed":"{{seed}}"}""", 0, 1, []))).ToList();
        await store.SubmitStudyAsync(new StudySubmission("layouts", "layouts", "name: layouts\n", trials), T0);
        while (await store.LeaseNextAsync("node", TimeSpan.FromMinutes(1), T0) is { } lease)
        {
            var layout = Array.IndexOf(layouts, lease.TrialId.Split('-')[0]);
            var results = new TrialResults(
                [new ResultRow("clean", "accuracy", 0.95), new ResultRow("fgsm=0.1", "accuracy", 0.3 + (0.2 * layout))],
                string.Create(CultureInfo.InvariantCulture, $$"""[{"epoch":1,"loss":{{1 + layout}},"train_accuracy":0.5},{"epoch":2,"loss":{{0.5 + layout}},"train_accuracy":0.7}]"""),
                "{}");
            Assert.True((await store.CompleteAsync(lease, results, T0)).IsAccepted);
        }

        var record = (await store.GetStudyAsync("layouts"))!;
        var (info, rows) = await StudyReports.LoadAsync(store, record, CancellationToken.None);
        var output = await StudyReports.WriteFiguresAsync(store, info, rows, dir.FullName, CancellationToken.None);

        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5], rows.Select(r => r.TrialOrdinal).Order());
        var bars = XDocument.Load(Path.Combine(output.Directory, "accuracy-by-model.dropout.svg"));
        var ticks = bars.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "tick" && t.Parent!.Attribute("data-scale")?.Value == "categorical").Select(t => t.Value);
        Assert.Equal(layouts, ticks);
        var loss = XDocument.Load(Path.Combine(output.Directory, "training-loss.svg"));
        var series = loss.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "series").ToList();
        Assert.Equal(layouts, series.Select(s => (string?)s.Attribute("data-label")));
        Assert.All(series, s => Assert.Equal(2, s.Elements(Svg + "circle").Count()));
    }
}
