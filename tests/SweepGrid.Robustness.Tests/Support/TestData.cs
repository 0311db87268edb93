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
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SweepGrid.sln")))
            {
                dir = dir.Parent;
            }
            if (dir is null)
            {
                throw new InvalidOperationException("cannot find the repository root (SweepGrid.sln) above " + AppContext.BaseDirectory);
            }
            return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "mnist"));
        }
    }
}
