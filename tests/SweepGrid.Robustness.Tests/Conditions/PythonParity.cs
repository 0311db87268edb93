using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SweepGrid.Robustness.Tests.Conditions;

/// <summary>
/// Runs a reference script (default Parity/conditions_parity.py) with Debian's /usr/bin/python3 on arrays
/// written by a test, and reads the results back. A missing interpreter or module fails the test; callers that
/// pass <c>skipOutsideCi</c> (the library oracles) are skipped instead when CI is not 'true'.
/// </summary>
internal sealed class PythonParity : IDisposable
{
    private const string Interpreter = "/usr/bin/python3";

    private static readonly string[] TorchModules = ["torch", "numpy"];

    /// <summary>Whether /usr/bin/python3 can import a module set, probed once per set.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<string?>> Problems = new(StringComparer.Ordinal);

    private readonly string scriptName;
    private readonly IReadOnlyList<string> modules;
    private readonly bool skipOutsideCi;

    /// <param name="script">The reference script, relative to this test project (default: the conditions').</param>
    /// <param name="modules">The modules the script imports (default torch and numpy).</param>
    /// <param name="skipOutsideCi">Skip rather than fail when the modules are missing and CI is not 'true'.</param>
    public PythonParity(string script = "Conditions/Parity/conditions_parity.py", IReadOnlyList<string>? modules = null, bool skipOutsideCi = false)
    {
        scriptName = script;
        this.modules = modules ?? TorchModules;
        this.skipOutsideCi = skipOutsideCi;
        Directory = Path.Combine(Path.GetTempPath(), "sweepgrid-python-parity-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>Fails the calling test when /usr/bin/python3 cannot import <paramref name="modules"/>; skips it instead
    /// when <paramref name="skipOutsideCi"/> and CI is not 'true' (so a CI machine without them cannot pass silently).</summary>
    public static void Require(IReadOnlyList<string> modules, bool skipOutsideCi)
    {
        var key = string.Join(", ", modules);
        if (Problems.GetOrAdd(key, k => new Lazy<string?>(() => FindProblem(k))).Value is not { } problem)
        {
            return;
        }
        if (!skipOutsideCi || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(problem);
        }
        Skip.If(true, problem + " (skipped because CI is not 'true'; with CI=true this fails)");
    }

    public string Directory { get; }

    public void Write<T>(string name, T[] values) where T : unmanaged =>
        File.WriteAllBytes(Path.Combine(Directory, name + ".bin"), MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public float[] Read(string name) => Read<float>(name);

    public T[] Read<T>(string name) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(File.ReadAllBytes(Path.Combine(Directory, name + ".bin"))).ToArray();

    /// <summary>Writes spec.json and runs the named operation; fails the test with python's stderr on error.</summary>
    public void Run(string operation, object spec)
    {
        Require(modules, skipOutsideCi);
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

    private static string? FindProblem(string modules)
    {
        const string Install = "install Debian's python3-torch, python3-torchvision, python3-sklearn and python3-numpy (scripts/install-deps.sh --test)";
        if (!File.Exists(Interpreter))
        {
            return $"the python reference tests need {Interpreter} with {modules}, but it does not exist: {Install}";
        }
        var info = new ProcessStartInfo(Interpreter) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import " + modules);
        using var process = Process.Start(info);
        if (process is null)
        {
            return $"the python reference tests need {Interpreter} with {modules}, but it could not be started: {Install}";
        }
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"the python reference tests need {Interpreter}, but 'import {modules}' failed: {Install}\n{stderr.Result}";
    }
}
