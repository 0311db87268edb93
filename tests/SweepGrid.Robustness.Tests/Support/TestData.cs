namespace SweepGrid.Robustness.Tests.Support;

/// <summary>Where the shared MNIST files are: $SWEEPGRID_DATA, else ../shared/data/mnist beside the repository.</summary>
public static class TestData
{
    public static string MnistDirectory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("SWEEPGRID_DATA");
            if (!string.IsNullOrEmpty(configured))
            {
                return Path.GetFullPath(configured);
            }
            return Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "mnist"));
        }
    }

    /// <summary>The folder holding SweepGrid.sln, found upwards from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SweepGrid.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (SweepGrid.sln) above " + AppContext.BaseDirectory);
        }
    }
}
