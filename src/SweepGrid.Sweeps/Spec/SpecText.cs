using System.Globalization;
using System.Text;

namespace SweepGrid.Sweeps.Spec;

/// <summary>
/// Turns the bytes of a spec into text, refusing what a spec cannot be: more than
/// <see cref="SweepSpec.MaxSpecBytes"/> bytes (checked while reading, so an endless source such as
/// <c>/dev/zero</c> or a pipe costs at most that much memory and stops there) and bytes that are not UTF-8
/// (reported with the byte offset and line, never silently replaced by U+FFFD).
/// </summary>
internal static class SpecText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>How long a pipe or device may take to deliver the whole spec (a regular file is read at once).</summary>
    public static readonly TimeSpan StreamDeadline = TimeSpan.FromSeconds(30);

    /// <summary>Reads at most <see cref="SweepSpec.MaxSpecBytes"/> + 1 bytes of <paramref name="path"/> and decodes them.</summary>
    /// <exception cref="SpecException">The file cannot be read, is too large, is not UTF-8, or (a pipe or device)
    /// did not deliver the spec and its end within <paramref name="deadline"/> (default <see cref="StreamDeadline"/>).</exception>
    public static string Read(string path, TimeSpan? deadline = null)
    {
        byte[] bytes;
        try
        {
            // A pipe or device may never deliver its end (and a fifo blocks already in open() until a writer comes):
            // opening and reading run aside, and the command gives up after the deadline. A regular file is read
            // at once; an abandoned blocked read ends with the process, which exits right after with the error.
            var read = Task.Factory.StartNew(() => ReadFile(path), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var limit = deadline ?? StreamDeadline;
            if (Task.WhenAny(read, Task.Delay(limit)).GetAwaiter().GetResult() != read)
            {
                throw Error(path, 1, 1, string.Create(CultureInfo.InvariantCulture,
                    $"the spec did not arrive: no end of input from this pipe or device within {limit.TotalSeconds:0.#} s (pass a file, or close the pipe's writing end)"));
            }
            bytes = read.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error(path, 1, 1, "cannot read the spec: " + e.Message);
        }
        return Decode(bytes, path);
    }

    private static byte[] ReadFile(string path)
    {
        // The length on disk is not trusted (devices and pipes report 0): the read itself is bounded.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        return ReadBounded(stream, path);
    }

    /// <summary>Reads at most <see cref="SweepSpec.MaxSpecBytes"/> bytes of <paramref name="stream"/>; more is refused.</summary>
    public static byte[] ReadBounded(Stream stream, string name)
    {
        var buffer = new byte[SweepSpec.MaxSpecBytes + 1];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                return buffer.AsSpan(0, filled).ToArray();
            }
            filled += read;
        }
        throw TooLarge(name);
    }

    /// <summary>Decodes UTF-8 (a leading byte-order mark is skipped).</summary>
    /// <exception cref="SpecException">The bytes are more than the limit or not valid UTF-8.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length > SweepSpec.MaxSpecBytes)
        {
            throw TooLarge(name);
        }
        var start = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes[start..]);
        }
        catch (DecoderFallbackException e)
        {
            var offset = start + Math.Max(0, e.Index);
            var before = bytes[..Math.Min(offset, bytes.Length)];
            var line = before.Count((byte)'\n') + 1;
            var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
            var bad = e.BytesUnknown is { Length: > 0 } unknown ? $"0x{unknown[0]:X2}" : "a byte";
            throw Error(name, line, column, string.Create(CultureInfo.InvariantCulture,
                $"the spec is not UTF-8 text: {bad} at byte offset {offset} is not valid UTF-8 (save the file as UTF-8)"));
        }
    }

    private static SpecException TooLarge(string name) =>
        Error(name, 1, 1, string.Create(CultureInfo.InvariantCulture,
            $"the spec is larger than {SweepSpec.MaxSpecBytes:N0} bytes (the limit; a spec is a page of YAML, not data)"));

    private static SpecException Error(string name, int line, int column, string message) =>
        new([new SpecError(name, line, column, "", message)]);
}
