using System.Text.Json;
using static SweepGrid.Reports.Tests.Fixture;

namespace SweepGrid.Reports.Tests;

public class JsonRendererTests
{
    [Fact]
    public void Every_cell_carries_its_n_and_trial_ids()
    {
        var rows = Tiny();
        var json = JsonRenderer.Render(Study(), [PivotBuilder.Build(rows), PivotBuilder.BuildPairedDelta(rows)!], rows);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("temperature-sweep", root.GetProperty("study").GetProperty("name").GetString());
        var pivots = root.GetProperty("pivots");
        Assert.Equal(2, pivots.GetArrayLength());
        Assert.Equal("paired_delta", pivots[1].GetProperty("kind").GetString());
        var cell = pivots[0].GetProperty("rows")[0].GetProperty("cells")[1];
        Assert.Equal("fgsm=0.1", cell.GetProperty("condition").GetString());
        Assert.Equal(2, cell.GetProperty("n").GetInt32());
        Assert.Equal(0.4, cell.GetProperty("mean").GetDouble(), 12);
        Assert.Equal(["t8-s1", "t8-s2"], cell.GetProperty("trialIds").EnumerateArray().Select(t => t.GetString()));
        var single = pivots[0].GetProperty("rows")[1].GetProperty("cells")[0];
        Assert.Equal(JsonValueKind.Null, single.GetProperty("std").ValueKind);
        Assert.Equal(6, root.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void Non_finite_raw_values_are_written_as_strings_so_the_document_stays_valid()
    {
        ResultRow[] rows = [Row("a", 1, "clean", double.NaN)];

        using var document = JsonDocument.Parse(JsonRenderer.Render(null, [PivotBuilder.Build(rows)], rows));

        Assert.Equal("NaN", document.RootElement.GetProperty("rows")[0].GetProperty("value").GetString());
        var cell = document.RootElement.GetProperty("pivots")[0].GetProperty("rows")[0].GetProperty("cells")[0];
        Assert.Equal(JsonValueKind.Null, cell.GetProperty("mean").ValueKind);
        Assert.Equal(["a"], cell.GetProperty("excludedTrialIds").EnumerateArray().Select(t => t.GetString()));
    }
}
