using System.Security.Cryptography;
using SweepGrid.Robustness.Datasets;

namespace SweepGrid.Robustness.Tests.Datasets;

public sealed class DatasetDownloaderTests : IDisposable
{
    private static readonly DownloadOptions NoDelay = new() { MaxAttempts = 3, RetryDelay = TimeSpan.Zero };
    private readonly TempDirectory dir = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly byte[] content = RandomNumberGenerator.GetBytes(200_000);

    public void Dispose()
    {
        http.Dispose();
        dir.Dispose();
    }

    private DatasetFile Entry(string? sha256 = null) => new("data.bin", sha256 ?? Convert.ToHexStringLower(SHA256.HashData(content)), null);

    [Fact]
    public async Task Downloads_a_file_verifies_it_and_reports_progress()
    {
        await using var server = new LoopbackHttpServer(request => LoopbackResponse.Serve(content, request));
        var destination = dir.File("data.bin");
        var progress = new List<DownloadProgress>();

        await new DatasetDownloader(http, NoDelay).DownloadFileAsync([new Uri(server.BaseUri, "data.bin")], Entry(), destination, progress.Add);

        Assert.Equal(content, await File.ReadAllBytesAsync(destination));
        Assert.False(File.Exists(destination + ".part"), "the part file should have been renamed to the final name");
        Assert.Equal(content.Length, progress[^1].BytesReceived);
        Assert.Equal(content.Length, progress[^1].TotalBytes);
    }

    [Fact]
    public async Task Resumes_with_a_range_request_after_the_connection_drops_halfway()
    {
        var half = content.Length / 2;
        var calls = 0;
        await using var server = new LoopbackHttpServer(request =>
            LoopbackResponse.Serve(content, request, dropAfter: Interlocked.Increment(ref calls) == 1 ? half : null));
        var destination = dir.File("data.bin");

        await new DatasetDownloader(http, NoDelay).DownloadFileAsync([new Uri(server.BaseUri, "data.bin")], Entry(), destination);

        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Null(requests[0].Range);
        Assert.Equal($"bytes={half}-", requests[1].Range);
        Assert.Equal(content, await File.ReadAllBytesAsync(destination));
    }

    [Fact]
    public async Task Resumes_a_part_file_left_by_an_earlier_run()
    {
        await using var server = new LoopbackHttpServer(request => LoopbackResponse.Serve(content, request));
        var destination = dir.File("data.bin");
        await File.WriteAllBytesAsync(destination + ".part", content[..1234]);

        await new DatasetDownloader(http, NoDelay).DownloadFileAsync([new Uri(server.BaseUri, "data.bin")], Entry(), destination);

        Assert.Equal("bytes=1234-", Assert.Single(server.Requests).Range);
        Assert.Equal(content, await File.ReadAllBytesAsync(destination));
    }

    [Fact]
    public async Task Checksum_mismatch_is_rejected_and_leaves_nothing_behind()
    {
        await using var server = new LoopbackHttpServer(request => LoopbackResponse.Serve(content, request));
        var destination = dir.File("data.bin");
        var wrong = new string('0', 64);

        var e = await Assert.ThrowsAsync<DatasetException>(() =>
            new DatasetDownloader(http, NoDelay).DownloadFileAsync([new Uri(server.BaseUri, "data.bin")], Entry(wrong), destination));

        Assert.Equal(DatasetFailure.ChecksumMismatch, e.Failure);
        Assert.Contains($"expected {wrong}", e.Message, StringComparison.Ordinal);
        Assert.Contains(new Uri(server.BaseUri, "data.bin").AbsoluteUri, e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(destination), "nothing may appear at the final path after a checksum mismatch");
        Assert.False(File.Exists(destination + ".part"), "the part file must be deleted after a checksum mismatch");
    }

    [Fact]
    public async Task Not_found_is_an_error_naming_the_url()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.NotFound);
        var url = new Uri(server.BaseUri, "mnist/t10k-labels-idx1-ubyte.gz");

        var e = await Assert.ThrowsAsync<DatasetException>(() =>
            new DatasetDownloader(http, NoDelay).DownloadFileAsync([url], Entry(), dir.File("t10k-labels-idx1-ubyte.gz")));

        Assert.Equal(DatasetFailure.DownloadFailed, e.Failure);
        Assert.Contains($"{url.AbsoluteUri} answered 404", e.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Next_mirror_is_tried_when_the_first_has_no_such_file()
    {
        await using var empty = new LoopbackHttpServer(_ => LoopbackResponse.NotFound);
        await using var full = new LoopbackHttpServer(request => LoopbackResponse.Serve(content, request));
        var dataset = DatasetCatalog.Mnist with { Mirrors = [new Uri(empty.BaseUri, "a/"), new Uri(full.BaseUri, "b/")] };
        var file = Entry() with { FileName = "t10k-labels-idx1-ubyte.gz" };
        var destination = dir.File(file.FileName);

        await new DatasetDownloader(http, NoDelay).DownloadFileAsync(dataset.UrlsOf(file), file, destination);

        Assert.Equal("/a/t10k-labels-idx1-ubyte.gz", Assert.Single(empty.Requests).Path);
        Assert.Equal("/b/t10k-labels-idx1-ubyte.gz", Assert.Single(full.Requests).Path);
        Assert.Equal(content, await File.ReadAllBytesAsync(destination));
    }

    [Fact]
    public async Task Verified_file_already_in_place_is_not_downloaded_again()
    {
        await using var server = new LoopbackHttpServer(request => LoopbackResponse.Serve(content, request));
        var destination = dir.File("data.bin");
        await File.WriteAllBytesAsync(destination, content);

        await new DatasetDownloader(http, NoDelay).DownloadFileAsync([new Uri(server.BaseUri, "data.bin")], Entry(), destination);

        Assert.Empty(server.Requests);
    }
}
