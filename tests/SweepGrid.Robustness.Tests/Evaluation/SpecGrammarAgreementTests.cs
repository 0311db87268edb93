using SweepGrid.Robustness.Evaluation;
using SweepGrid.Sweeps;

namespace SweepGrid.Robustness.Tests.Evaluation;

/// <summary>
/// The planner writes canonical entry strings (SweepGrid.Sweeps) and the runner parses them
/// (<see cref="EvaluationPlan"/>): every entry of every example spec must parse, and every condition the
/// runner evaluates must carry exactly the name the planner wrote, since that name keys the results.
/// </summary>
public class SpecGrammarAgreementTests
{
    private static readonly string[] Flags = ["ece", "ts", "regimes", "gradients"];

    public static TheoryData<string> ExampleSpecs() => new(
        Directory.GetFiles(Path.Combine(RepositoryRoot(), "sweeps"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(ExampleSpecs))]
    public void Every_planned_entry_parses_to_the_name_the_planner_wrote(string name)
    {
        var spec = SweepSpec.Load(Path.Combine(RepositoryRoot(), "sweeps", name));
        var plan = StudyPlanner.Expand(spec, null, "fingerprint", ScienceVersion.Current);

        foreach (var evaluations in plan.Trials.Select(t => t.Evaluations).Distinct())
        {
            var parsed = EvaluationPlan.Parse(evaluations, trialSeed: 1);
            var names = Names(parsed, "").Concat(parsed.PerEpoch is { } perEpoch ? Names(perEpoch, EvaluationPlan.PerEpochPrefix) : []).ToList();
            var written = evaluations.Where(e => !Flags.Contains(e.Replace(EvaluationPlan.PerEpochPrefix, "", StringComparison.Ordinal))
                && !e.StartsWith("pixel=", StringComparison.Ordinal)).ToList();

            Assert.All(written, entry => Assert.Contains(entry, names));
            // Plain clean is always evaluated, also per epoch, whether or not it is written.
            Assert.All(names.Where(n => n is not ("clean" or "epochs:clean")), n => Assert.Contains(n, written));
        }
    }

    private static IEnumerable<string> Names(EvaluationPlan plan, string prefix) =>
        plan.Conditions.Select(c => prefix + c.Name).Concat(plan.OutOfDistribution.Select(o => prefix + o.Name));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SweepGrid.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"no SweepGrid.sln above {AppContext.BaseDirectory}");
    }
}
