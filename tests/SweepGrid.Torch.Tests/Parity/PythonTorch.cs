using System.Diagnostics;

namespace SweepGrid.Torch.Tests.Parity;

/// <summary>Runs the reference scripts under Debian's python3-torch (always /usr/bin/python3: the python3 on PATH may lack torch).</summary>
internal static class PythonTorch
{
    public const string Interpreter = "/usr/bin/python3";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    /// <summary>Runs <c>Parity/<paramref name="script"/></c> from the test output folder; fails the test with stderr when it does not exit 0.</summary>
    public static void RunScript(string script, params string[] arguments)
    {
        RequireTorch();
        var path = Path.Combine(AppContext.BaseDirectory, "Parity", script);
        Assert.True(File.Exists(path), $"parity script {path} was not copied to the test output folder");
        var (exitCode, stderr) = Run([path, .. arguments]);
        Assert.True(exitCode == 0, $"{script} {string.Join(' ', arguments)} exited with {exitCode}:\n{stderr}");
    }

    private static void RequireTorch()
    {
        if (!File.Exists(Interpreter))
        {
            Assert.Fail($"{Interpreter} was not found: the parity tests need Debian's python3-torch (apt-get install python3-torch python3-numpy)");
        }
        var (exitCode, stderr) = Run(["-c", "import torch, numpy"]);
        if (exitCode != 0)
        {
            Assert.Fail($"python3-torch is not installed for {Interpreter}: install it with 'apt-get install python3-torch python3-numpy' to run the parity tests.\n{stderr}");
        }
    }

    private static (int ExitCode, string Stderr) Run(string[] arguments)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // One thread each: the comparison is about the math, and the machine is shared.
        start.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Interpreter}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Interpreter} {string.Join(' ', arguments)} did not finish within {Limit.TotalSeconds} s");
        }
        _ = stdout.Result;
        return (process.ExitCode, stderr.Result);
    }
}
