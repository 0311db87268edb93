using System.CommandLine;
using SweepGrid.Cli.Commands;

namespace SweepGrid.Cli.Tests;

public class DataCommandTests
{
    private static async Task<(int, string, string)> Data(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { DataCommand.Create(new SweepGridOptions { Data = CliRunner.MnistDirectory }, output, error) };
        var exit = await root.Parse(["data", .. args]).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Verify_accepts_the_shared_mnist_files_by_checksum()
    {
        var (exit, output, error) = await Data("verify", "mnist");

        Assert.True(exit == 0, error);
        Assert.Equal(4, output.Split('\n').Count(l => l.StartsWith("ok", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Verify_flags_a_tampered_file_and_exits_with_code_2()
    {
        var dir = Directory.CreateTempSubdirectory("sweepgrid-verify-");
        try
        {
            foreach (var file in Directory.GetFiles(CliRunner.MnistDirectory, "*.gz"))
            {
                File.Copy(file, Path.Combine(dir.FullName, Path.GetFileName(file)));
            }
            await using (var stream = File.OpenWrite(Path.Combine(dir.FullName, "t10k-labels-idx1-ubyte.gz")))
            {
                stream.Seek(100, SeekOrigin.Begin);
                stream.WriteByte(0x5A);
            }

            var (exit, output, _) = await Data("verify", "mnist", "--data", dir.FullName);

            Assert.Equal(2, exit);
            Assert.Contains("BAD  " + Path.Combine(dir.FullName, "t10k-labels-idx1-ubyte.gz"), output, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Unknown_dataset_exits_with_code_2_listing_the_catalog()
    {
        var (exit, _, error) = await Data("download", "cifar10");

        Assert.Equal(2, exit);
        Assert.Contains("mnist, fashion-mnist, kmnist", error, StringComparison.Ordinal);
    }
}
