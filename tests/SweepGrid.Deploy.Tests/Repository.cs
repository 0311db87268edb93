using System.Diagnostics;

namespace SweepGrid.Deploy.Tests;

/// <summary>Paths in the repository and the deployment tools installed under deploy/checks.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SweepGrid.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (SweepGrid.sln) above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Chart => Path.Combine(Root, "helm", "sweepgrid");

    public static string Checks => Path.Combine(Root, "deploy", "checks");

    public static string Tool(string name)
    {
        var path = Path.Combine(Checks, "node_modules", ".bin", name);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: run `npm ci` in deploy/checks (scripts/install-deps.sh --test does it)");
    }

    public static IEnumerable<string> Scenarios() =>
        Directory.GetFiles(Path.Combine(Chart, "ci"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;
}

/// <summary>The result of a finished process.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}

/// <summary>Runs a tool to completion with a time limit, capturing both streams.</summary>
internal static class Tools
{
    public static ProcessResult Run(string file, IEnumerable<string> arguments, string? workingDirectory = null, string? standardInput = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            WorkingDirectory = workingDirectory ?? Repository.Root,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }
        return new ProcessResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    public static ProcessResult Helm(params string[] arguments) => Run(Repository.Tool("helm"), arguments, Repository.Chart);

    /// <summary>`helm template` of the chart with a scenario's values (and extra --set pairs); fails the test when helm fails.</summary>
    public static string Render(string scenario, params string[] sets)
    {
        List<string> arguments = ["template", "sg", ".", "--namespace", "studies", "-f", Path.Combine("ci", scenario)];
        foreach (var set in sets)
        {
            arguments.Add("--set");
            arguments.Add(set);
        }
        var result = Helm([.. arguments]);
        Assert.True(result.ExitCode == 0, $"helm template ({scenario}) failed:\n{result.All}");
        return result.Output;
    }
}
