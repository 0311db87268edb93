using static SweepGrid.Reports.Tests.Fixture;

namespace SweepGrid.Reports.Tests;

public class PivotBuilderTests
{
    [Fact]
    public void Cells_aggregate_over_seeds_and_keep_their_trials()
    {
        var table = PivotBuilder.Build(Tiny());

        Assert.Equal(["model.temperature"], table.RowAxes);
        Assert.Equal([KeyValuePair.Create("model.kind", "mlp")], table.FixedAxes);
        Assert.Equal(["clean", "fgsm=0.1"], table.Conditions);
        var eighth = table.Rows[0];
        Assert.Equal(["0.125"], eighth.AxisValues);
        Assert.Equal(["1/8"], eighth.AxisLabels);
        var fgsm = eighth.Cells[1];
        Assert.Equal(2, fgsm.Statistics.N);
        Assert.Equal(0.4, fgsm.Statistics.Mean, 12);
        Assert.Equal(Math.Sqrt(0.02), fgsm.Statistics.StandardDeviation!.Value, 12);
        Assert.Equal(["t8-s1", "t8-s2"], fgsm.TrialIds);
        Assert.Equal([1UL, 2UL], fgsm.Seeds);
        Assert.Equal(new CellStatistics(1, 0.95, null, 0), table.Rows[1].Cells[0].Statistics);
        Assert.Null(table.CommonN);
    }

    [Fact]
    public void Paired_delta_averages_per_trial_differences()
    {
        // T=1/8: (0.5 − 0.9, 0.3 − 0.8) = (−0.4, −0.5): mean −0.45, std sqrt(0.005).
        var delta = PivotBuilder.BuildPairedDelta(Tiny())!;

        Assert.Equal(PivotKind.PairedDelta, delta.Kind);
        Assert.Equal("clean", delta.BaselineCondition);
        Assert.Equal(["fgsm=0.1"], delta.Conditions);
        var cell = delta.Rows[0].Cells[0];
        Assert.Equal(2, cell.Statistics.N);
        Assert.Equal(-0.45, cell.Statistics.Mean, 12);
        Assert.Equal(Math.Sqrt(0.005), cell.Statistics.StandardDeviation!.Value, 12);
        Assert.Equal(-0.85, delta.Rows[1].Cells[0].Statistics.Mean, 12);
    }

    [Fact]
    public void Paired_delta_is_not_the_difference_of_unpaired_means_when_a_trial_lacks_the_baseline()
    {
        ResultRow[] rows =
        [
            Row("a", 1, "clean", 0.9), Row("a", 1, "fgsm=0.1", 0.6),
            Row("b", 2, "clean", double.NaN), Row("b", 2, "fgsm=0.1", 0.5),
            Row("c", 3, "fgsm=0.1", 0.4),
        ];

        var cell = PivotBuilder.BuildPairedDelta(rows)!.Rows[0].Cells[0];

        Assert.Equal(1, cell.Statistics.N);
        Assert.Equal(-0.3, cell.Statistics.Mean, 12);
        Assert.Equal(2, cell.Statistics.Excluded);
        Assert.Equal(["a"], cell.TrialIds);
        Assert.Equal(["b", "c"], cell.ExcludedTrialIds);
    }

    [Fact]
    public void Paired_delta_is_null_without_a_baseline_condition() =>
        Assert.Null(PivotBuilder.BuildPairedDelta([Row("a", 1, "fgsm=0.1", 0.5)]));

    [Fact]
    public void NaN_results_are_excluded_from_the_cell_and_named()
    {
        ResultRow[] rows = [Row("a", 1, "clean", 0.9), Row("b", 2, "clean", double.NaN), Row("c", 3, "clean", 0.7)];

        var cell = PivotBuilder.Build(rows).Rows[0].Cells[0];

        Assert.Equal(new CellStatistics(2, 0.8, cell.Statistics.StandardDeviation, 1), cell.Statistics);
        Assert.Equal(["a", "c"], cell.TrialIds);
        Assert.Equal(["b"], cell.ExcludedTrialIds);
    }

    [Fact]
    public void Numeric_axes_sort_by_value_and_text_axes_ordinally()
    {
        var rows = new List<ResultRow>();
        foreach (var t in new[] { "16", "0.015625", "2", "0.5" })
        {
            foreach (var dropout in new[] { "none", "all", "inp" })
            {
                rows.Add(Row($"{t}-{dropout}", 1, "clean", 0.9, axes: [("model.temperature", t), ("model.dropout", dropout)]));
            }
        }

        var table = PivotBuilder.Build(rows);

        Assert.Equal(["model.dropout", "model.temperature"], table.RowAxes);
        var labels = table.Rows.Select(r => string.Join(' ', r.AxisLabels)).ToList();
        Assert.Equal(
            ["all 1/64", "all 1/2", "all 2", "all 16", "inp 1/64", "inp 1/2", "inp 2", "inp 16", "none 1/64", "none 1/2", "none 2", "none 16"],
            labels);
    }

    [Fact]
    public void Decimal_axes_that_are_not_a_power_of_two_ladder_print_as_decimals()
    {
        ResultRow[] rows =
        [
            Row("a", 1, "clean", 0.9, axes: [("model.dropout_rate", "0.5")]),
            Row("b", 1, "clean", 0.9, axes: [("model.dropout_rate", "0.1")]),
        ];

        Assert.Equal(["0.1", "0.5"], PivotBuilder.Build(rows).Rows.Select(r => r.AxisLabels[0]));
    }

    [Fact]
    public void Seed_axes_are_ignored_so_replicates_share_a_row()
    {
        ResultRow[] rows =
        [
            Row("a", 1, "clean", 0.9, axes: [("training.seed", "1"), ("model.kind", "mlp")]),
            Row("b", 2, "clean", 0.8, axes: [("training.seed", "2"), ("model.kind", "mlp")]),
        ];

        var table = PivotBuilder.Build(rows);

        Assert.Empty(table.RowAxes);
        Assert.Single(table.Rows);
        Assert.Equal(2, table.Rows[0].Cells[0].Statistics.N);
    }

    [Fact]
    public void Duplicated_results_are_rejected_with_the_trial_named()
    {
        var error = Assert.Throws<ArgumentException>(() => PivotBuilder.Build([Row("t1", 1, "clean", 0.9), Row("t1", 1, "clean", 0.8)]));

        Assert.Contains("t1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_rows_of_the_chosen_metric_are_pivoted()
    {
        var rows = Tiny().Append(Row("t4-s1", 1, "clean", 0.02, metric: "ece_15", axes: [("model.temperature", "4"), ("model.kind", "mlp")])).ToList();

        var table = PivotBuilder.Build(rows, "ece_15");

        Assert.Single(table.Rows);
        Assert.Equal(0.02, table.Rows[0].Cells[0].Statistics.Mean);
    }

    [Fact]
    public void Row_order_does_not_change_the_table()
    {
        var forward = MarkdownRenderer.Render(PivotBuilder.Build(Tiny()));
        var backward = MarkdownRenderer.Render(PivotBuilder.Build(Tiny().Reverse()));

        Assert.Equal(forward, backward);
    }
}
