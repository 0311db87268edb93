using SweepGrid.Robustness.Tests.Support;

namespace SweepGrid.Cli.Tests;

/// <summary>
/// The quick start's quick profile, run on the real MNIST files, reproduces seed 003's finding (FGSM accuracy
/// falls as the sigmoid temperature rises) and says so. The other seeds' quick profiles take minutes each;
/// scripts/seed-findings.sh runs them (and this one) the same way.
/// </summary>
public sealed class SeedFindingTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("sweepgrid-finding-");

    [Fact]
    public async Task Quick_start_quick_profile_reproduces_seed_003_s_ordering_on_mnist()
    {
        var spec = Path.Combine(TestData.RepositoryRoot, "sweeps", "quickstart.yaml");

        var (exit, output, error) = await CliRunner.Study("run", spec, "--profile", "quick", "--db", Path.Combine(dir.FullName, "store.db"),
            "--reports", Path.Combine(dir.FullName, "reports"));

        Assert.True(exit == 0, $"exit {exit}; stdout {output}; stderr {error}");
        Assert.Contains("finding reproduced: a steeper sigmoid (smaller T) resists FGSM better (seed 003)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("barely learned", output, StringComparison.Ordinal);
        var summary = await File.ReadAllTextAsync(Path.Combine(dir.FullName, "reports", "quickstart-quick", "summary.md"));
        Assert.Contains("| a steeper sigmoid (smaller T) resists FGSM better (seed 003) | reproduced |", summary, StringComparison.Ordinal);
    }

    public void Dispose() => dir.Delete(recursive: true);
}
