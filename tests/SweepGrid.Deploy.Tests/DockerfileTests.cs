namespace SweepGrid.Deploy.Tests;

/// <summary>
/// The Dockerfile, checked without a Docker daemon: a real Dockerfile linter, and the facts the chart
/// and the docs rely on (non-root user, entry point, health check, ports, the shared publish step).
/// </summary>
public sealed class DockerfileTests
{
    private static readonly string DockerfilePath = Path.Combine(Repository.Root, "Dockerfile");
    private static readonly string[] Lines = File.ReadAllLines(DockerfilePath);

    [Fact]
    public void The_linter_finds_nothing()
    {
        var result = Tools.Run(Repository.Tool("dockerfile-utils"), ["lint", DockerfilePath]);
        Assert.True(result.ExitCode == 0 && result.All.Trim().Length == 0, result.All);
    }

    [Fact]
    public void The_linter_catches_a_broken_dockerfile()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"sweepgrid-broken-{Guid.NewGuid():N}.Dockerfile");
        try
        {
            File.WriteAllLines(broken, Lines.Select(l => l.StartsWith("EXPOSE", StringComparison.Ordinal) ? "EXPOSE http" : l));
            var result = Tools.Run(Repository.Tool("dockerfile-utils"), ["lint", broken]);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("Invalid containerPort: http", result.All, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void The_image_runs_serve_as_a_non_root_user_with_a_health_check()
    {
        Assert.Contains("USER 10001:10001", Lines);
        Assert.Contains("ENTRYPOINT [\"/app/sweepgrid\"]", Lines);
        Assert.Contains("CMD [\"serve\"]", Lines);
        Assert.Contains(Lines, l => l.Contains("http://127.0.0.1:5080/healthz", StringComparison.Ordinal));
        Assert.Contains("EXPOSE 4053 5080", Lines);
    }

    [Fact]
    public void The_ports_match_the_charts_defaults()
    {
        var values = File.ReadAllText(Path.Combine(Repository.Chart, "values.yaml"));
        Assert.Matches(@"(?m)^cluster:\s*\n(\s+#.*\n)*\s+port: 4053$", values);
        Assert.Matches(@"(?m)^api:\s*\n\s+port: 5080$", values);
    }

    [Fact]
    public void The_build_stage_runs_the_same_publish_script_the_tests_run()
    {
        Assert.Contains(Lines, l => l.StartsWith("RUN ", StringComparison.Ordinal) && l.Contains("scripts/publish.sh /out", StringComparison.Ordinal));
        Assert.Contains(Lines, l => l.Contains("cuda-libtorch.sh /opt", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Repository.Root, "scripts", "publish.sh")));
    }

    [Fact]
    public void The_publish_step_produces_a_program_that_loads_libtorch_on_this_machine()
    {
        // What the image's build stage runs, run here: the published program must start and load TorchSharp's
        // native libraries (checking a CUDA device does), refusing CUDA where none exists with exit 2.
        var output = Directory.CreateTempSubdirectory("sweepgrid-publish-").FullName;
        try
        {
            var publish = Tools.Run("bash", [Path.Combine(Repository.Root, "scripts", "publish.sh"), output], timeout: TimeSpan.FromMinutes(10));
            Assert.True(publish.ExitCode == 0, publish.All);
            var program = Path.Combine(output, "sweepgrid");
            var help = Tools.Run(program, ["--help"]);
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("serve", help.Output, StringComparison.Ordinal);
            var cuda = Tools.Run(program, ["serve", "--device", "cuda", "--db", Path.Combine(output, "probe.db")], timeout: TimeSpan.FromMinutes(1));
            Assert.Equal(2, cuda.ExitCode);
            Assert.Contains("no CUDA device is usable here", cuda.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void The_cuda_flavours_publish_step_leaves_the_cpu_libtorch_out()
    {
        // The CUDA image supplies libtorch_cuda on LD_LIBRARY_PATH; a CPU libtorch beside the program would be loaded first.
        var output = Directory.CreateTempSubdirectory("sweepgrid-publish-cuda-").FullName;
        try
        {
            var publish = Tools.Run("bash", [Path.Combine(Repository.Root, "scripts", "publish.sh"), output, "-p:SweepGridLibTorch=external"], timeout: TimeSpan.FromMinutes(10));
            Assert.True(publish.ExitCode == 0, publish.All);
            Assert.True(File.Exists(Path.Combine(output, "TorchSharp.dll")));
            Assert.True(File.Exists(Path.Combine(output, "libLibTorchSharp.so")));
            Assert.False(File.Exists(Path.Combine(output, "libtorch_cpu.so")), "the CPU libtorch was published into the CUDA flavour");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Both_flavours_share_one_final_stage_chosen_by_a_build_argument()
    {
        Assert.Contains("ARG FLAVOR=cpu", Lines);
        Assert.Contains(Lines, l => l.StartsWith("FROM base-${FLAVOR} AS final", StringComparison.Ordinal));
        Assert.Contains(Lines, l => l.StartsWith("FROM ", StringComparison.Ordinal) && l.EndsWith(" AS base-cpu", StringComparison.Ordinal));
        Assert.Contains(Lines, l => l.StartsWith("FROM ", StringComparison.Ordinal) && l.EndsWith(" AS base-cuda", StringComparison.Ordinal));
    }
}
