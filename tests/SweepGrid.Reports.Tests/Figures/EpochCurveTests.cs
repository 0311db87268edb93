using SweepGrid.Reports.Figures;
using static SweepGrid.Reports.Tests.Figures.Studies;

namespace SweepGrid.Reports.Tests.Figures;

public class EpochCurveTests
{
    private static List<ResultRow> TwoTemperatures()
    {
        var rows = new List<ResultRow>();
        foreach (var (t, i) in new[] { ("0.125", 0), ("4", 1) })
        {
            for (ulong seed = 1; seed <= 2; seed++)
            {
                (string, string)[] axes = [("model.temperature", t)];
                var id = $"T{t}-s{seed}";
                rows.Add(Row(id, seed, "clean", 0.9, i, axes));
                for (var epoch = 1; epoch <= 3; epoch++)
                {
                    rows.Add(Row(id, seed, Invariant($"epoch{epoch}:clean"), 0.5 + (0.1 * epoch), i, axes));
                    rows.Add(Row(id, seed, Invariant($"epoch{epoch}:fgsm=0.1"), 0.5 - (0.1 * epoch * i) + (0.01 * seed), i, axes));
                }
            }
        }

        return rows;
    }

    private static TrialCurve Curve(string trial, double scale) =>
        TrainingCurveJson.Parse(trial, Invariant($$"""[{"epoch":1,"loss":{{2 * scale}},"train_accuracy":0.5,"seconds":1.5},{"epoch":2,"loss":{{scale}},"train_accuracy":0.8},{"epoch":3,"loss":"NaN","train_accuracy":0.9}]"""));

    [Fact]
    public void Training_loss_is_drawn_per_epoch_with_one_series_per_arm_averaged_over_seeds()
    {
        var curves = new[] { Curve("T0.125-s1", 1), Curve("T0.125-s2", 3), Curve("T4-s1", 10), Curve("T4-s2", 10), Curve("unknown-trial", 99) };

        var figure = Figure(TwoTemperatures(), "training-loss.svg", curves).Figure;

        var panel = Assert.Single(figure.Panels);
        Assert.Equal("epoch", panel.XLabel);
        Assert.Equal(["1/8", "4"], panel.Series.Select(s => s.Label));
        var eighth = panel.Series[0].Points;
        Assert.Equal([1, 2], eighth.Select(p => p.X)); // epoch 3 diverged in every trial: NaN excluded, no point
        Assert.Equal(4, eighth[0].Y, 12); // (2 + 6) / 2
        Assert.Equal(2, eighth[1].Y, 12);
        Assert.Equal(Math.Sqrt(8), eighth[0].Error!.Value, 12);
        var svg = Svg.Parse(SvgFigure.Render(figure));
        Assert.Equal(["1/8", "4"], Svg.SeriesLabels(svg));
    }

    [Fact]
    public void The_epoch_axis_stays_linear_even_across_ten_epochs()
    {
        var curve = new TrialCurve("T4-s1", Enumerable.Range(1, 10).Select(e => new EpochPoint(e, 1.0 / e, 1 - (1.0 / e))).ToList());

        var svg = Svg.Parse(SvgFigure.Render(Figure(TwoTemperatures(), "training-accuracy.svg", [curve]).Figure));

        Assert.Equal("linear", (string?)Svg.Groups(svg, "x-axis").Single().Attribute("data-scale"));
    }

    [Fact]
    public void Per_epoch_evaluation_rows_draw_one_panel_per_condition_and_stay_out_of_the_tables()
    {
        var rows = TwoTemperatures();

        var figure = Figure(rows, "accuracy-per-epoch.svg").Figure;
        var table = PivotBuilder.Build(rows);

        Assert.Equal(["clean", "fgsm=0.1"], figure.Panels.Select(p => p.Title));
        var fgsm = figure.Panels[1].Series.Single(s => s.Label == "4").Points;
        Assert.Equal([1, 2, 3], fgsm.Select(p => p.X));
        Assert.True(fgsm[0].Y > fgsm[1].Y && fgsm[1].Y > fgsm[2].Y);
        Assert.Equal(["clean"], table.Conditions);
    }

    [Fact]
    public void Curves_without_result_rows_or_epochs_draw_nothing()
    {
        Assert.DoesNotContain(FigureReport.Build(TwoTemperatures(), [new TrialCurve("unknown", [new EpochPoint(1, 1, 0.5)])]), f => f.File.StartsWith("training-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"epoch\":1}", "expected a JSON array")]
    [InlineData("[{\"epoch\":1,\"train_accuracy\":0.5}]", "entry 0 lacks loss")]
    [InlineData("[{\"loss\":1,\"train_accuracy\":0.5}]", "entry 0 lacks epoch")]
    [InlineData("[{\"epoch\":1,", "not valid JSON")]
    public void A_malformed_curve_is_rejected_naming_the_trial_and_what_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TrainingCurveJson.Parse("trial-42", json));

        Assert.Contains("trial-42", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
