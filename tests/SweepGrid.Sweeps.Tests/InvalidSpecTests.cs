namespace SweepGrid.Sweeps.Tests;

/// <summary>
/// Runs the corpus under InvalidSpecs/: each file states the errors it must produce in header comments
/// <c># expect: LINE:COLUMN PATH: MESSAGE</c> (line and column counted with the header included), and
/// must produce exactly those, all in one pass.
/// </summary>
public sealed class InvalidSpecTests
{
    private const string ExpectPrefix = "# expect: ";

    public static TheoryData<string> Corpus() => new(
        Directory.GetFiles(CorpusDirectory(), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    [Fact]
    public void Corpus_holds_at_least_thirty_invalid_specs()
    {
        Assert.True(Corpus().Count >= 30, $"expected at least 30 invalid specs in {CorpusDirectory()}, found {Corpus().Count}");
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Invalid_spec_is_rejected_with_every_expected_error(string name)
    {
        var path = Path.Combine(CorpusDirectory(), name);
        var text = File.ReadAllText(path);
        var expected = text.Split('\n')
            .Where(line => line.StartsWith(ExpectPrefix, StringComparison.Ordinal))
            .Select(line => line[ExpectPrefix.Length..].TrimEnd())
            .ToList();
        Assert.True(expected.Count > 0, $"{name} has no '{ExpectPrefix}' line");

        IReadOnlyList<SpecError> errors;
        try
        {
            var spec = SweepSpec.Load(path);
            StudyPlanner.Expand(spec, null, Specs.Fingerprint, Specs.ScienceVersion);
            errors = [];
        }
        catch (SpecException e)
        {
            errors = e.Errors;
        }

        Assert.All(errors, e => Assert.Equal(path, e.File));
        var actual = errors.Select(Specs.Short).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"{name}: expected errors\n  {string.Join("\n  ", expected)}\nbut got\n  {string.Join("\n  ", actual)}");
    }

    private static string CorpusDirectory() =>
        Path.Combine(Specs.RepositoryRoot(), "tests", "SweepGrid.Sweeps.Tests", "InvalidSpecs");
}
