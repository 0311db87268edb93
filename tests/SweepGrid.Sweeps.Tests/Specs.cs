using System.Runtime.CompilerServices;

namespace SweepGrid.Sweeps.Tests;

/// <summary>Helpers to parse and expand specs written inline in tests.</summary>
internal static class Specs
{
    public const string Fingerprint = "mnist-sha256:test";
    public const string ScienceVersion = "science-test-1";

    public static StudyPlan Expand(string yaml, string? profile = null, PlannerOptions? options = null) =>
        StudyPlanner.Expand(SweepSpec.Parse(yaml, "test.yaml"), profile, Fingerprint, ScienceVersion, options);

    /// <summary>The errors that parsing and then expanding <paramref name="yaml"/> report; empty when it is valid.</summary>
    public static IReadOnlyList<SpecError> Errors(string yaml, string fileName = "test.yaml", string? profile = null, PlannerOptions? options = null)
    {
        try
        {
            StudyPlanner.Expand(SweepSpec.Parse(yaml, fileName), profile, Fingerprint, ScienceVersion, options);
            return [];
        }
        catch (SpecException e)
        {
            return e.Errors;
        }
    }

    /// <summary>
    /// The repository root (the folder holding SweepGrid.sln), found upwards from the test binaries or,
    /// when they are built elsewhere (a private artifacts path), from this source file.
    /// </summary>
    public static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "." })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SweepGrid.sln")))
                {
                    return directory.FullName;
                }
            }
        }
        throw new InvalidOperationException($"no SweepGrid.sln above {AppContext.BaseDirectory} or {sourceFile}");
    }

    public static string Short(SpecError e) =>
        e.Path.Length == 0 ? $"{e.Line}:{e.Column} {e.Message}" : $"{e.Line}:{e.Column} {e.Path}: {e.Message}";
}
