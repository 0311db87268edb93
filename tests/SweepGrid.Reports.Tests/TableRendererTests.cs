using static SweepGrid.Reports.Tests.Fixture;

namespace SweepGrid.Reports.Tests;

public class TableRendererTests
{
    [Fact]
    public void Markdown_table_of_the_tiny_fixture_matches_the_golden_text()
    {
        const string expected =
            "**accuracy** — mean ± std over n seeds (sample std, n − 1; n shown per cell; single-seed cells show the value alone). Fixed: model.kind = mlp.\n" +
            "\n" +
            "| model.temperature | clean | fgsm=0.1 |\n" +
            "| --- | ---: | ---: |\n" +
            "| 1/8 | 0.8500 ± 0.0707 (n=2) | 0.4000 ± 0.1414 (n=2) |\n" +
            "| 4 | 0.9500 (n=1) | 0.1000 (n=1) |\n";

        Assert.Equal(expected, MarkdownRenderer.Render(PivotBuilder.Build(Tiny())));
    }

    [Fact]
    public void Markdown_delta_table_is_signed_and_says_it_is_paired()
    {
        const string expected =
            "**Δ accuracy vs clean** — paired per-trial difference (condition − clean), mean ± std over n seeds (sample std, n − 1; n shown per cell; single-seed cells show the value alone). Fixed: model.kind = mlp.\n" +
            "\n" +
            "| model.temperature | fgsm=0.1 |\n" +
            "| --- | ---: |\n" +
            "| 1/8 | -0.4500 ± 0.0707 (n=2) |\n" +
            "| 4 | -0.8500 (n=1) |\n";

        Assert.Equal(expected, MarkdownRenderer.Render(PivotBuilder.BuildPairedDelta(Tiny())!));
    }

    [Fact]
    public void Markdown_omits_per_cell_n_when_every_cell_has_the_same_n()
    {
        ResultRow[] rows = [Row("a", 1, "clean", 0.9), Row("b", 2, "clean", 0.7), Row("a", 1, "noise=0.3", 0.8), Row("b", 2, "noise=0.3", 0.8)];

        const string expected =
            "**accuracy** — mean ± std over 2 seeds (sample std, n − 1).\n" +
            "\n" +
            "| configuration | clean | noise=0.3 |\n" +
            "| --- | ---: | ---: |\n" +
            "| all | 0.80 ± 0.14 | 0.80 ± 0.00 |\n";

        Assert.Equal(expected, MarkdownRenderer.Render(PivotBuilder.Build(rows), decimals: 2));
    }

    [Fact]
    public void Markdown_states_excluded_values_in_the_cell_and_the_caption()
    {
        ResultRow[] rows = [Row("a", 1, "clean", 0.9), Row("b", 2, "clean", double.NaN)];

        var markdown = MarkdownRenderer.Render(PivotBuilder.Build(rows));

        Assert.Contains("| all | 0.9000 (n=1, 1 excluded) |", markdown, StringComparison.Ordinal);
        Assert.Contains("Excluded: 1 non-finite or unpaired values", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_escapes_pipes_in_axis_values()
    {
        ResultRow[] rows = [Row("a", 1, "clean", 0.9, axes: [("model.note", "a|b")]), Row("b", 1, "clean", 0.9, axes: [("model.note", "c")])];

        Assert.Contains("| a\\|b | 0.9000 |", MarkdownRenderer.Render(PivotBuilder.Build(rows)), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_table_aligns_columns()
    {
        const string expected =
            "accuracy — mean ± std over n seeds (sample std, n − 1; n shown per cell; single-seed cells show the value alone). Fixed: model.kind = mlp.\n" +
            "model.temperature                  clean               fgsm=0.1\n" +
            "-----------------  ---------------------  ---------------------\n" +
            "1/8                0.8500 ± 0.0707 (n=2)  0.4000 ± 0.1414 (n=2)\n" +
            "4                           0.9500 (n=1)           0.1000 (n=1)\n";

        Assert.Equal(expected, TextRenderer.Render(PivotBuilder.Build(Tiny())));
    }
}
