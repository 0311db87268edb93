namespace SweepGrid.Sweeps.Tests;

public sealed class ErrorReportingTests
{
    [Fact]
    public void Error_prints_as_file_line_column_path_and_message()
    {
        var exception = Assert.Throws<SpecException>(() => SweepSpec.Parse("study: {name: t}\ntraining:\n  epochs: 0\n", "study.yaml"));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("study.yaml:3:11: training.epochs: expected an integer in [1, 10000], got '0'", error.ToString());
        Assert.Equal(error.ToString(), exception.Message);
    }

    [Fact]
    public void Malformed_yaml_reports_the_parser_position()
    {
        var error = Assert.Single(Assert.Throws<SpecException>(() => SweepSpec.Parse("study: {name: t}\nmodel:\n  kind: 'mlp\n", "bad.yaml")).Errors);

        Assert.Equal("bad.yaml", error.File);
        Assert.StartsWith("malformed YAML", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 3, $"expected the error at or after line 3 (the unclosed quote), got {error}");
    }

    [Fact]
    public void Errors_are_collected_in_one_pass_and_sorted_by_position()
    {
        var errors = Specs.Errors("""
            study: {name: t}
            training: {epochs: 0, batch_sise: 64}
            model: {kind: m4}
            axes:
              model.temperatur: [1]
            """);

        Assert.Equal(4, errors.Count);
        Assert.Equal(errors.OrderBy(e => e.Line).ThenBy(e => e.Column), errors);
        Assert.Contains(errors, e => e.Message == "unknown key 'batch_sise' (did you mean 'batch_size'?)");
    }

    [Fact]
    public void Load_names_the_file_when_it_cannot_be_read()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"sweepgrid-missing-{Guid.NewGuid():N}.yaml");

        var error = Assert.Single(Assert.Throws<SpecException>(() => SweepSpec.Load(missing)).Errors);

        Assert.Equal(missing, error.File);
        Assert.StartsWith("cannot read the spec", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("batchsize", "batch_size")]
    [InlineData("temperatur", "temperature")]
    [InlineData("epcohs", "epochs")]
    [InlineData("optimiser", "optimizer")]
    public void Misspelled_key_within_two_edits_gets_a_suggestion(string written, string suggested)
    {
        var errors = Specs.Errors($"study: {{name: t}}\naxes:\n  training.{written}: [1]\n")
            .Concat(Specs.Errors($"study: {{name: t}}\ntraining:\n  {written}: 1\n"))
            .Concat(Specs.Errors($"study: {{name: t}}\nmodel:\n  {written}: 1\n"));

        Assert.Contains(errors, e => e.Message.Contains($"(did you mean '{suggested}'?)", StringComparison.Ordinal));
    }

    [Fact]
    public void Key_far_from_every_name_lists_what_is_allowed()
    {
        var error = Assert.Single(Specs.Errors("study: {name: t}\ndataset: {size: 3}\n"));

        Assert.Equal("unknown key 'size' (allowed: name, train_limit, test_limit, validation)", error.Message);
    }
}
