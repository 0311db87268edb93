using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SweepGrid.Robustness.Tests.Datasets;

/// <summary>What the loopback server saw.</summary>
internal sealed record LoopbackRequest(string Path, string? Range);

/// <summary>
/// What the loopback server answers: a status and body; <see cref="DropAfter"/> sends only that many body
/// bytes (with the full Content-Length announced) and then closes the connection, like a network failure.
/// </summary>
internal sealed record LoopbackResponse(int Status, byte[] Body, long? RangeStart = null, long? FullLength = null, int? DropAfter = null)
{
    public static LoopbackResponse NotFound { get; } = new(404, Encoding.ASCII.GetBytes("not here"));

    /// <summary>200 with the whole content, or 206 from the requested offset when the request has "Range: bytes=N-".</summary>
    public static LoopbackResponse Serve(byte[] content, LoopbackRequest request, int? dropAfter = null)
    {
        if (request.Range is { } range && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            var start = long.Parse(range["bytes=".Length..^1], CultureInfo.InvariantCulture);
            return new LoopbackResponse(206, content[(int)start..], start, content.Length, dropAfter);
        }
        return new LoopbackResponse(200, content, DropAfter: dropAfter);
    }
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 with an ephemeral port, one request per connection. Raw
/// sockets rather than HttpListener so that a test can close a connection mid-body gracefully, and the
/// client deterministically receives every byte sent before the close.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Func<LoopbackRequest, LoopbackResponse> handler;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public LoopbackHttpServer(Func<LoopbackRequest, LoopbackResponse> handler)
    {
        this.handler = handler;
        listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop this way.
        }
        stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            using (client)
            {
                await HandleAsync(client);
            }
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        var stream = client.GetStream();
        var head = await ReadHeadAsync(stream);
        var lines = head.Split("\r\n");
        var path = lines[0].Split(' ')[1];
        var range = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Range", StringComparison.OrdinalIgnoreCase)).Select(p => p[1].Trim()).FirstOrDefault();
        var request = new LoopbackRequest(path, range);
        Requests.Enqueue(request);
        var response = handler(request);

        var header = new StringBuilder();
        header.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {(response.Status switch { 200 => "OK", 206 => "Partial Content", 404 => "Not Found", _ => "Status" })}\r\n");
        header.Append(CultureInfo.InvariantCulture, $"Content-Length: {response.Body.Length}\r\n");
        if (response.RangeStart is long start)
        {
            header.Append(CultureInfo.InvariantCulture, $"Content-Range: bytes {start}-{start + response.Body.Length - 1}/{response.FullLength}\r\n");
        }
        header.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header.ToString()));
        await stream.WriteAsync(response.Body.AsMemory(0, Math.Min(response.DropAfter ?? int.MaxValue, response.Body.Length)));
        await stream.FlushAsync();
        client.Client.Shutdown(SocketShutdown.Send);
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 4 || !(bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                break;
            }
            bytes.Add(one[0]);
        }
        return Encoding.ASCII.GetString([.. bytes]);
    }
}
