using System.Globalization;
using SweepGrid.Reports.Figures;

namespace SweepGrid.Reports.Tests.Figures;

/// <summary>Small synthetic studies whose numbers follow simple formulas, so tests can assert what a chart must show.</summary>
internal static class Studies
{
    public static readonly string[] Temperatures = ["0.125", "1", "8"];
    public static readonly string[] Layouts = ["none", "inp", "all"];
    public static readonly double[] Epsilons = [0.1, 0.2, 0.3];

    /// <summary>
    /// Temperature × dropout layout × 2 seeds, submitted layout-major in the order none, inp, all.
    /// accuracy(clean) = 0.9 − 0.01·layoutIndex + 0.002·seed; accuracy(fgsm=ε) = clean − ε·(1 + log₂(8T)/4) (lower T more robust);
    /// accuracy(brightness=f) = clean − 0.1·|f − 1|; accuracy_class_c(clean) = 0.9 − 0.01·c.
    /// </summary>
    public static List<ResultRow> TemperatureByLayout(bool perClass = false)
    {
        var rows = new List<ResultRow>();
        long ordinal = 0;
        foreach (var layout in Layouts)
        {
            foreach (var t in Temperatures)
            {
                for (ulong seed = 1; seed <= 2; seed++)
                {
                    var id = $"{layout}-T{t}-s{seed}";
                    (string, string)[] axes = [("model.temperature", t), ("model.dropout", layout), ("training.seed", seed.ToString(CultureInfo.InvariantCulture))];
                    var clean = Clean(layout, seed);
                    var temperature = double.Parse(t, CultureInfo.InvariantCulture);
                    rows.Add(Row(id, seed, "clean", clean, ordinal, axes));
                    foreach (var e in Epsilons)
                    {
                        rows.Add(Row(id, seed, Invariant($"fgsm={e}"), clean - (e * (1 + (Math.Log2(8 * temperature) / 4))), ordinal, axes));
                    }

                    foreach (var f in new[] { 0.5, 1.5 })
                    {
                        rows.Add(Row(id, seed, Invariant($"brightness={f}"), clean - (0.1 * Math.Abs(f - 1)), ordinal, axes));
                    }

                    if (perClass)
                    {
                        for (var c = 0; c < 3; c++)
                        {
                            rows.Add(Row(id, seed, "clean", 0.9 - (0.01 * c) + (0.001 * seed), ordinal, axes, Invariant($"accuracy_class_{c}")));
                        }
                    }

                    ordinal++;
                }
            }
        }

        return rows;
    }

    public static double Clean(string layout, ulong seed) => 0.9 - (0.01 * Array.IndexOf(Layouts, layout)) + (0.002 * seed);

    public static ResultRow Row(string trial, ulong seed, string condition, double value, long ordinal, (string Path, string Value)[] axes, string metric = "accuracy") =>
        new(trial, axes.ToDictionary(a => a.Path, a => a.Value), seed, condition, metric, value, ordinal);

    /// <summary>Rows in a fixed scrambled order (reverse within halves), to show outputs do not depend on row order.</summary>
    public static List<ResultRow> Scrambled(IReadOnlyList<ResultRow> rows) =>
        rows.Where((_, i) => i % 2 == 1).Reverse().Concat(rows.Where((_, i) => i % 2 == 0)).ToList();

    public static NamedFigure Figure(IReadOnlyList<ResultRow> rows, string file, IReadOnlyList<TrialCurve>? curves = null, FigureOptions? options = null) =>
        FigureReport.Build(rows, curves ?? [], options).Single(f => f.File == file);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
