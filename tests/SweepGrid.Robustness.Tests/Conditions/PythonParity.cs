using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SweepGrid.Robustness.Tests.Conditions;

/// <summary>
/// Runs Parity/conditions_parity.py with Debian's python3-torch on arrays written by a test, and reads the
/// results back. A missing interpreter or torch fails the test (it never skips silently).
/// </summary>
internal sealed class PythonParity : IDisposable
{
    private const string Interpreter = "/usr/bin/python3";

    private static readonly Lazy<string?> Problem = new(FindProblem);

    private readonly string scriptName;

    /// <param name="script">The reference script, relative to this test project (default: the conditions').</param>
    public PythonParity(string script = "Conditions/Parity/conditions_parity.py")
    {
        scriptName = script;
        Directory = Path.Combine(Path.GetTempPath(), "sweepgrid-conditions-parity-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public void Write<T>(string name, T[] values) where T : unmanaged =>
        File.WriteAllBytes(Path.Combine(Directory, name + ".bin"), MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public float[] Read(string name) =>
        MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(Path.Combine(Directory, name + ".bin"))).ToArray();

    /// <summary>Writes spec.json and runs the named operation; fails the test with python's stderr on error.</summary>
    public void Run(string operation, object spec)
    {
        if (Problem.Value is { } problem)
        {
            Assert.Fail(problem);
        }
        File.WriteAllText(Path.Combine(Directory, "spec.json"), JsonSerializer.Serialize(spec));
        var info = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(operation);
        info.ArgumentList.Add(Directory);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + Interpreter);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill();
            Assert.Fail($"python parity '{operation}' did not finish within 120 s");
        }
        Assert.True(process.ExitCode == 0, $"python parity '{operation}' failed with exit code {process.ExitCode}:\n{stderr.Result}{stdout.Result}");
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

    /// <summary>
    /// The parity script: found from the repository root above the test assembly, or — when the build output
    /// lives outside the repository (a private artifacts path) — beside this source file.
    /// </summary>
    private string Script
    {
        get
        {
            var relative = Path.Combine("tests", "SweepGrid.Robustness.Tests", scriptName);
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SweepGrid.sln")))
            {
                dir = dir.Parent;
            }
            if (dir is not null)
            {
                return Path.Combine(dir.FullName, relative);
            }
            var besideSource = Path.Combine(SourceDirectory(), "..", scriptName);
            return File.Exists(besideSource)
                ? besideSource
                : throw new InvalidOperationException($"cannot find {relative}: no SweepGrid.sln above {AppContext.BaseDirectory} and no script at {besideSource}");
        }
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";

    private static string? FindProblem()
    {
        const string Install = "install Debian's python3-torch (with python3-numpy) so that /usr/bin/python3 can import torch";
        if (!File.Exists(Interpreter))
        {
            return $"the parity tests need python3-torch, but {Interpreter} does not exist: {Install}";
        }
        var info = new ProcessStartInfo(Interpreter) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import torch, numpy");
        using var process = Process.Start(info);
        if (process is null)
        {
            return $"the parity tests need python3-torch, but {Interpreter} could not be started: {Install}";
        }
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"the parity tests need python3-torch, but '{Interpreter} -c \"import torch, numpy\"' failed: {Install}\n{stderr}";
    }
}
