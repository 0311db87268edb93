using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// Downloads catalog files for users who have a network. Each file is written to <c>NAME.part</c>,
/// resumed with an HTTP Range request after a lost connection (within one call, and across calls since
/// the part file stays), verified against the manifest checksum, flushed to disk, and only then renamed
/// to its final name: the final path either does not exist or holds a verified file.
/// </summary>
/// <remarks>
/// A checksum mismatch deletes the part file and fails without trying further mirrors: the bytes were
/// complete but wrong, which a retry would not fix. Cancellation keeps the part file for a later resume.
/// Two processes must not download the same file into the same folder at the same time.
/// </remarks>
public sealed class DatasetDownloader(HttpClient http, DownloadOptions? options = null)
{
    private const string PartSuffix = ".part";
    private readonly DownloadOptions options = options ?? new DownloadOptions();

    /// <summary>
    /// Downloads the four files of <paramref name="dataset"/> into <c>DIR/&lt;name&gt;/</c>, where
    /// <see cref="DataDirectory"/> looks first; files already there with the right checksum are kept.
    /// Returns that folder.
    /// </summary>
    public async Task<string> DownloadAsync(DatasetDescription dataset, string dataDirectory, Action<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var folder = Path.Combine(Path.GetFullPath(dataDirectory), dataset.Name);
        Directory.CreateDirectory(folder);
        foreach (var file in dataset.AllFiles)
        {
            await DownloadFileAsync(dataset.UrlsOf(file), file, Path.Combine(folder, file.FileName), progress, cancellationToken).ConfigureAwait(false);
        }
        return folder;
    }

    /// <summary>
    /// Downloads one file to <paramref name="destinationPath"/>, trying <paramref name="urls"/> in order
    /// (the next one only when a URL answers with an HTTP error or keeps dropping the connection).
    /// Does nothing when the destination already holds a verified copy.
    /// </summary>
    /// <exception cref="DatasetException">Every URL failed (the message names each URL and why), or the checksum did not match.</exception>
    public async Task DownloadFileAsync(IReadOnlyList<Uri> urls, DatasetFile file, string destinationPath, Action<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(destinationPath);
        if (File.Exists(destinationPath) && FileChecksums.Check(destinationPath, file).Matches)
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destinationPath))!);
        var failures = new List<string>();
        foreach (var url in urls)
        {
            var failure = await TryUrlAsync(url, file, destinationPath, progress, cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                return;
            }
            failures.Add(failure);
        }
        var partPath = destinationPath + PartSuffix;
        var kept = File.Exists(partPath) ? $"; the partial file {partPath} is kept, run again to resume" : "";
        throw new DatasetException(DatasetFailure.DownloadFailed, urls.Count > 0 ? urls[0].AbsoluteUri : destinationPath,
            $"download of {file.FileName} to {destinationPath} failed: {(failures.Count == 0 ? "no URL to download from" : string.Join("; ", failures))}{kept}");
    }

    /// <summary>Returns null on success, else why this URL failed; throws only for checksum mismatch and cancellation.</summary>
    private async Task<string?> TryUrlAsync(Uri url, DatasetFile file, string destinationPath, Action<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var partPath = destinationPath + PartSuffix;
        string? failure = null;
        for (var attempt = 1; attempt <= Math.Max(1, options.MaxAttempts); attempt++)
        {
            if (attempt > 1 && options.RetryDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.RetryDelay * (attempt - 1), cancellationToken).ConfigureAwait(false);
            }
            var outcome = await AttemptAsync(url, file, partPath, progress, cancellationToken).ConfigureAwait(false);
            if (outcome.Complete)
            {
                Finish(url, file, partPath, destinationPath);
                return null;
            }
            failure = outcome.Failure;
            if (!outcome.Retryable)
            {
                break;
            }
        }
        return failure;
    }

    private async Task<(bool Complete, bool Retryable, string? Failure)> AttemptAsync(Uri url, DatasetFile file, string partPath, Action<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var existing = File.Exists(partPath) ? new FileInfo(partPath).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (existing > 0)
        {
            request.Headers.Range = new RangeHeaderValue(existing, null);
        }
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return (false, true, $"{url} could not be reached: {e.Message}");
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && existing > 0)
            {
                // The part file already holds everything the server has: it is complete or it is wrong.
                return (true, false, null);
            }
            if (!response.IsSuccessStatusCode)
            {
                var retryable = (int)response.StatusCode >= 500;
                return (false, retryable, $"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            var append = response.StatusCode == HttpStatusCode.PartialContent;
            if (append && response.Content.Headers.ContentRange?.From != existing)
            {
                // A range we did not ask for: start over rather than splice the wrong bytes.
                File.Delete(partPath);
                return (false, true, $"{url} answered with an unexpected range {response.Content.Headers.ContentRange}");
            }
            var offset = append ? existing : 0;
            var total = response.Content.Headers.ContentLength is long length ? offset + length : (long?)null;
            long received = offset;
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using var part = new FileStream(partPath, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                var buffer = new byte[1 << 16];
                int n;
                try
                {
                    while ((n = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await part.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                        received += n;
                        progress?.Invoke(new DownloadProgress(file.FileName, url, received, total));
                    }
                }
                finally
                {
                    // Keep what arrived, durably, so the next attempt resumes from it.
                    await part.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                    part.Flush(flushToDisk: true);
                }
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                return (false, true, $"{url}: connection lost after {received} of {(total?.ToString(CultureInfo.InvariantCulture) ?? "?")} bytes ({e.Message})");
            }
            if (total is long expected && received != expected)
            {
                return (false, true, $"{url}: response ended after {received} of {expected} bytes");
            }
            return (true, false, null);
        }
    }

    private static void Finish(Uri url, DatasetFile file, string partPath, string destinationPath)
    {
        var (matches, algorithm, actual) = FileChecksums.Check(partPath, file);
        if (!matches)
        {
            File.Delete(partPath);
            throw new DatasetException(DatasetFailure.ChecksumMismatch, url.AbsoluteUri,
                $"{url} gave {file.FileName} with {algorithm} {actual}; expected {FileChecksums.Expected(file)}; the download was discarded ({partPath} deleted), nothing was written to {destinationPath}");
        }
        File.Move(partPath, destinationPath, overwrite: true);
    }
}
