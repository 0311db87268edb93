namespace SweepGrid.Reports.Tests;

/// <summary>Small hand-checkable result sets.</summary>
internal static class Fixture
{
    public static ResultRow Row(string trial, ulong seed, string condition, double value, string metric = "accuracy", params (string Path, string Value)[] axes) =>
        new(trial, axes.ToDictionary(a => a.Path, a => a.Value), seed, condition, metric, value);

    /// <summary>
    /// Temperatures 1/8 (seeds 1, 2) and 4 (seed 1 only), conditions clean and fgsm=0.1:
    /// T=1/8: clean 0.90, 0.80; fgsm 0.50, 0.30 → Δ −0.40, −0.50. T=4: clean 0.95; fgsm 0.10.
    /// </summary>
    public static IReadOnlyList<ResultRow> Tiny()
    {
        (string, string)[] eighth = [("model.temperature", "0.125"), ("model.kind", "mlp")];
        (string, string)[] four = [("model.temperature", "4"), ("model.kind", "mlp")];
        return
        [
            Row("t4-s1", 1, "fgsm=0.1", 0.10, axes: four),
            Row("t4-s1", 1, "clean", 0.95, axes: four),
            Row("t8-s2", 2, "clean", 0.80, axes: eighth),
            Row("t8-s1", 1, "clean", 0.90, axes: eighth),
            Row("t8-s1", 1, "fgsm=0.1", 0.50, axes: eighth),
            Row("t8-s2", 2, "fgsm=0.1", 0.30, axes: eighth),
        ];
    }

    public static StudyInfo Study(string name = "temperature-sweep") =>
        new(name, "Sigmoid temperature against FGSM.", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
}
