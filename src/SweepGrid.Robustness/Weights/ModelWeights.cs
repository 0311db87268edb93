namespace SweepGrid.Robustness.Weights;

/// <summary>
/// Trained parameters and buffers as bytes: TorchSharp's own state-dict format (<c>Module.save</c>,
/// readable by any TorchSharp program with <c>Module.load</c> into the same architecture). Named in
/// docs/science.md as weights format 2. Format 1 was the "SGPT" archive of the earlier libtorch binding;
/// it is recognised by its header and refused with a message naming it, since the retired binding's
/// tensor layout is not worth a second reader (re-running the trial recreates the weights).
/// </summary>
public static class ModelWeights
{
    private static ReadOnlySpan<byte> LegacyHeader => "SGPT"u8;

    public static byte[] Save(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stream = new MemoryStream();
        model.save(stream);
        return stream.ToArray();
    }

    /// <summary>Copies stored weights into a model of the same architecture (names and shapes must match).</summary>
    public static void LoadInto(Module model, byte[] weights)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.AsSpan().StartsWith(LegacyHeader))
        {
            throw new InvalidDataException("these weights are in format 1 (\"SGPT\", written by SweepGrid's retired libtorch binding), which is no longer read; re-run the trial to store them in format 2 (TorchSharp state dict)");
        }
        using var stream = new MemoryStream(weights, writable: false);
        try
        {
            model.load(stream, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or EndOfStreamException or IOException or InvalidOperationException)
        {
            throw new InvalidDataException($"the stored weights do not fit a {model.GetName()} ({e.Message})", e);
        }
    }
}
