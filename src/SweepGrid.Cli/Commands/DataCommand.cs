using System.CommandLine;
using SweepGrid.Robustness.Datasets;

namespace SweepGrid.Cli.Commands;

/// <summary>`sweepgrid data download|verify NAME`: fetch a catalog dataset (resumable, checksum-verified) or check files already there.</summary>
public static class DataCommand
{
    public static Command Create(SweepGridOptions configured, TextWriter output, TextWriter error)
    {
        var command = new Command("data", "Download or verify the datasets SweepGrid knows (mnist, fashion-mnist, kmnist).");
        command.Subcommands.Add(Download(configured, output, error));
        command.Subcommands.Add(Verify(configured, output, error));
        return command;
    }

    private static Command Download(SweepGridOptions configured, TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "Dataset: " + string.Join(", ", DatasetCatalog.All.Select(d => d.Name)) };
        var data = new Option<string?>("--data") { Description = "Data folder (default: $SWEEPGRID_DATA, else ~/.local/share/sweepgrid/data)." };
        var command = new Command("download", "Download a dataset's four IDX files into DIR/<name>/ (resumes partial downloads, verifies checksums).") { name, data };
        command.SetAction(async (parse, cancellation) =>
        {
            try
            {
                var dataset = DatasetCatalog.Get(parse.GetValue(name)!);
                var directory = DataDirectory.Resolve(parse.GetValue(data) ?? configured.Data);
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
                var folder = await new DatasetDownloader(http).DownloadAsync(dataset, directory,
                    p => error.Write($"\r{p.FileName}: {p.BytesReceived / 1024:N0} KiB" + (p.TotalBytes is long t ? $" of {t / 1024:N0} KiB" : "")),
                    cancellation).ConfigureAwait(false);
                error.WriteLine();
                output.WriteLine($"{dataset.Name}: verified files in {folder}");
                return ExitCodes.Success;
            }
            catch (DatasetException e)
            {
                error.WriteLine($"sweepgrid data download: {e.Message}");
                return e.Failure is DatasetFailure.UnknownDataset ? ExitCodes.InvalidInput : ExitCodes.Failure;
            }
            catch (OperationCanceledException)
            {
                error.WriteLine("sweepgrid data download: cancelled (the partial file is kept; run the same command to resume)");
                return ExitCodes.Cancelled;
            }
        });
        return command;
    }

    private static Command Verify(SweepGridOptions configured, TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "Dataset: " + string.Join(", ", DatasetCatalog.All.Select(d => d.Name)) };
        var data = new Option<string?>("--data") { Description = "Data folder (default: $SWEEPGRID_DATA)." };
        var command = new Command("verify", "Check a dataset's files against the manifest checksums (SHA-256 of the decompressed IDX content where recorded, so recompressed or unpacked copies pass).") { name, data };
        command.SetAction(parse =>
        {
            try
            {
                var dataset = DatasetCatalog.Get(parse.GetValue(name)!);
                var directory = DataDirectory.Resolve(parse.GetValue(data) ?? configured.Data);
                var failures = 0;
                foreach (var split in new[] { DataSplit.Train, DataSplit.Test })
                {
                    var files = dataset.Files(split);
                    var (images, labels) = DataDirectory.Locate(dataset, split, directory);
                    foreach (var (path, file) in new[] { (images, files.Images), (labels, files.Labels) })
                    {
                        var result = FileChecksums.Inspect(path, file);
                        output.WriteLine(result.Problem is { } problem
                            ? $"BAD  {path} ({problem.Message})"
                            : $"{(result.Matches ? "ok  " : "BAD ")} {path} ({result.Algorithm} {result.Actual}{(result.Matches ? "" : "; expected " + FileChecksums.Expected(file))})");
                        failures += result.Matches ? 0 : 1;
                    }
                }
                return failures == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
            }
            catch (DatasetException e)
            {
                error.WriteLine($"sweepgrid data verify: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }
}
