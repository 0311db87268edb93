using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SweepGrid.Robustness.Tests.Oracles;

/// <summary>
/// Runs Oracles/oracles.py with /usr/bin/python3 (torch, torchvision, scikit-learn, numpy) on arrays written
/// by a test and reads the results back, as the condition and metric parity tests do. When the interpreter
/// or a module is missing the test fails with the install hint when CI=true (so a CI machine without the
/// oracles cannot pass silently) and is skipped elsewhere.
/// </summary>
internal sealed class PythonOracle : IDisposable
{
    private const string Interpreter = "/usr/bin/python3";
    private const string Modules = "torch, torchvision, sklearn, numpy";

    private static readonly Lazy<string?> Problem = new(FindProblem);

    public PythonOracle()
    {
        Directory = Path.Combine(Path.GetTempPath(), "sweepgrid-oracles-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>Fails (CI=true) or skips the calling test when the oracles cannot run here.</summary>
    public static void RequireAvailable()
    {
        if (Problem.Value is not { } problem)
        {
            return;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(problem);
        }
        Skip.If(true, problem + " (skipped because CI is not 'true'; with CI=true this fails)");
    }

    public void Write<T>(string name, T[] values) where T : unmanaged =>
        File.WriteAllBytes(Path.Combine(Directory, name + ".bin"), MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public T[] Read<T>(string name) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(File.ReadAllBytes(Path.Combine(Directory, name + ".bin"))).ToArray();

    /// <summary>Writes spec.json and runs the named operation; fails the test with python's stderr on error.</summary>
    public void Run(string operation, object spec)
    {
        RequireAvailable();
        File.WriteAllText(Path.Combine(Directory, "spec.json"), JsonSerializer.Serialize(spec));
        var info = new ProcessStartInfo(Interpreter) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(operation);
        info.ArgumentList.Add(Directory);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + Interpreter);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill();
            Assert.Fail($"python oracle '{operation}' did not finish within 120 s");
        }
        Assert.True(process.ExitCode == 0, $"python oracle '{operation}' failed with exit code {process.ExitCode}:\n{stderr.Result}{stdout.Result}");
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string Script
    {
        get
        {
            var relative = Path.Combine("tests", "SweepGrid.Robustness.Tests", "Oracles", "oracles.py");
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SweepGrid.sln")))
            {
                dir = dir.Parent;
            }
            if (dir is not null)
            {
                return Path.Combine(dir.FullName, relative);
            }
            var besideSource = Path.Combine(SourceDirectory(), "oracles.py");
            return File.Exists(besideSource)
                ? besideSource
                : throw new InvalidOperationException($"cannot find {relative}: no SweepGrid.sln above {AppContext.BaseDirectory} and no script at {besideSource}");
        }
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";

    private static string? FindProblem()
    {
        const string Install = "install Debian's python3-torch, python3-torchvision, python3-sklearn and python3-numpy so that /usr/bin/python3 can import them";
        if (!File.Exists(Interpreter))
        {
            return $"the oracle tests need {Interpreter} with {Modules}, but {Interpreter} does not exist: {Install}";
        }
        var info = new ProcessStartInfo(Interpreter) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import torch, torchvision, sklearn.metrics, numpy");
        using var process = Process.Start(info);
        if (process is null)
        {
            return $"the oracle tests need {Interpreter} with {Modules}, but it could not be started: {Install}";
        }
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"the oracle tests need {Interpreter} with {Modules}, but 'import {Modules}' failed: {Install}\n{stderr.Result}";
    }
}
