using static SweepGrid.Reports.Tests.Fixture;

namespace SweepGrid.Reports.Tests;

public class CsvRendererTests
{
    [Fact]
    public void Pivot_csv_has_mean_std_and_n_per_condition_at_full_precision()
    {
        const string expected =
            "model.temperature,clean mean,clean std,clean n,fgsm=0.1 mean,fgsm=0.1 std,fgsm=0.1 n\n" +
            "0.125,0.8500000000000001,0.07071067811865474,2,0.4,0.14142135623730953,2\n" +
            "4,0.95,,1,0.1,,1\n";

        Assert.Equal(expected, CsvRenderer.RenderPivot(PivotBuilder.Build(Tiny())));
    }

    [Fact]
    public void Results_csv_lists_raw_rows_sorted_by_axes_seed_and_condition()
    {
        const string expected =
            "trial_id,model.kind,model.temperature,seed,condition,metric,value\n" +
            "t8-s1,mlp,0.125,1,clean,accuracy,0.9\n" +
            "t8-s1,mlp,0.125,1,fgsm=0.1,accuracy,0.5\n" +
            "t8-s2,mlp,0.125,2,clean,accuracy,0.8\n" +
            "t8-s2,mlp,0.125,2,fgsm=0.1,accuracy,0.3\n" +
            "t4-s1,mlp,4,1,clean,accuracy,0.95\n" +
            "t4-s1,mlp,4,1,fgsm=0.1,accuracy,0.1\n";

        Assert.Equal(expected, CsvRenderer.RenderResults(Tiny()));
    }

    [Fact]
    public void Fields_with_commas_quotes_or_line_breaks_are_quoted()
    {
        ResultRow[] rows = [Row("t\"1", 7, "ood=a,b", double.NaN, axes: [("model.note", "line\nbreak")])];

        const string expected =
            "trial_id,model.note,seed,condition,metric,value\n" +
            "\"t\"\"1\",\"line\nbreak\",7,\"ood=a,b\",accuracy,NaN\n";

        Assert.Equal(expected, CsvRenderer.RenderResults(rows));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData(" padded", "\" padded\"")]
    public void Escaping_follows_rfc_4180(string field, string expected) =>
        Assert.Equal(expected, CsvRenderer.EscapeField(field));
}
