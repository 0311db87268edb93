using System.Buffers.Binary;
using System.Text;
using SweepGrid.Torch.Nn;

namespace SweepGrid.Torch;

/// <summary>
/// Saves and loads named tensors to a byte buffer in a small documented format (no pickle):
/// <code>
/// "SGPT" | u32 version (1) | u32 count
/// count × ( u16 name length | UTF-8 name | u8 dtype (c10 code) | u8 rank | rank × i64 dims | u64 byte length | raw little-endian data )
/// </code>
/// All integers are little-endian. Tensors are read back on the CPU.
/// </summary>
public static class ParameterArchive
{
    private static readonly byte[] Magic = "SGPT"u8.ToArray();
    private const uint FormatVersion = 1;

    public static byte[] Save(IEnumerable<(string Name, Tensor Tensor)> tensors)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        var list = tensors.ToList();
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write((uint)list.Count);
        foreach (var (name, tensor) in list)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            writer.Write(checked((ushort)nameBytes.Length));
            writer.Write(nameBytes);
            writer.Write((byte)tensor.DType);
            var shape = tensor.Shape;
            writer.Write(checked((byte)shape.Length));
            foreach (var d in shape)
            {
                writer.Write(d);
            }
            var data = RawBytes(tensor);
            writer.Write((ulong)data.Length);
            writer.Write(data);
        }
        writer.Flush();
        return stream.ToArray();
    }

    public static byte[] Save(Module module) => Save(module.StateDict());

    /// <summary>
    /// Reads every tensor; the caller owns (and disposes) them. A truncated or garbled buffer throws
    /// <see cref="InvalidDataException"/> naming the entry being read, and leaves nothing allocated.
    /// </summary>
    public static List<(string Name, Tensor Tensor)> Load(ReadOnlySpan<byte> buffer)
    {
        var reader = new SpanReader(buffer);
        if (!reader.Bytes(4).SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a SweepGrid parameter archive (missing SGPT header)");
        }
        var version = reader.UInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"parameter archive version {version} is not supported (expected {FormatVersion})");
        }
        var count = reader.UInt32();
        var result = new List<(string, Tensor)>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var name = Encoding.UTF8.GetString(reader.Bytes(reader.UInt16()));
                try
                {
                    result.Add((name, ReadTensor(ref reader)));
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidDataException($"parameter '{name}': {e.Message}", e);
                }
            }
        }
        catch
        {
            // The caller never sees a partly read archive, so nothing else would free these.
            foreach (var (_, tensor) in result)
            {
                tensor.Dispose();
            }
            throw;
        }
        return result;
    }

    private static Tensor ReadTensor(ref SpanReader reader)
    {
        var dtype = (ScalarType)reader.Byte();
        if (!Enum.IsDefined(dtype))
        {
            throw new InvalidDataException($"unknown dtype code {(int)dtype}");
        }
        var rank = reader.Byte();
        var shape = new long[rank];
        for (var d = 0; d < rank; d++)
        {
            shape[d] = reader.Int64();
        }
        var declared = reader.UInt64();
        if (declared > int.MaxValue)
        {
            throw new InvalidDataException($"{declared} data bytes is more than an archive entry can hold");
        }
        var length = (int)declared;
        var data = reader.Bytes(length);
        var expected = shape.Aggregate(1L, (a, b) => a * b) * dtype.ElementSize();
        if (expected != length)
        {
            throw new InvalidDataException($"{length} data bytes for shape [{string.Join(", ", shape)}] of {dtype} (expected {expected})");
        }
        if (rank > 0)
        {
            return FromBytes(data, shape, dtype);
        }
        // Tensor.From reads an empty shape as "1-D"; a 0-dim tensor (e.g. num_batches_tracked) must stay 0-dim.
        using var single = FromBytes(data, [1], dtype);
        return single.Reshape();
    }

    /// <summary>
    /// Copies an archive into a module's parameters and buffers by name. Missing, unexpected or
    /// mis-shaped entries are an error and nothing is copied.
    /// </summary>
    public static void LoadInto(Module module, ReadOnlySpan<byte> buffer)
    {
        var loaded = Load(buffer);
        try
        {
            var byName = loaded.ToDictionary(e => e.Name, e => e.Tensor);
            var targets = module.StateDict().ToList();
            var missing = targets.Select(t => t.Name).Where(n => !byName.ContainsKey(n)).ToList();
            var unexpected = byName.Keys.Except(targets.Select(t => t.Name)).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
            {
                throw new InvalidDataException($"parameter archive does not match the model: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]");
            }
            foreach (var (name, target) in targets)
            {
                var source = byName[name];
                if (!source.Shape.SequenceEqual(target.Shape))
                {
                    throw new InvalidDataException($"parameter '{name}' has shape [{string.Join(", ", source.Shape)}] in the archive but [{string.Join(", ", target.Shape)}] in the model");
                }
            }
            foreach (var (name, target) in targets)
            {
                target.Copy_(byName[name]);
            }
        }
        finally
        {
            foreach (var (_, tensor) in loaded)
            {
                tensor.Dispose();
            }
        }
    }

    private static byte[] RawBytes(Tensor tensor) => tensor.DType switch
    {
        ScalarType.Float32 => AsBytes(tensor.ToArray<float>()),
        ScalarType.Float64 => AsBytes(tensor.ToArray<double>()),
        ScalarType.Int64 => AsBytes(tensor.ToArray<long>()),
        ScalarType.Int32 => AsBytes(tensor.ToArray<int>()),
        ScalarType.UInt8 => tensor.ToArray<byte>(),
        ScalarType.Bool => AsBytes(tensor.ToArray<bool>()),
        _ => throw new NotSupportedException($"cannot archive tensors of {tensor.DType}"),
    };

    private static byte[] AsBytes<T>(T[] values) where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static Tensor FromBytes(ReadOnlySpan<byte> data, long[] shape, ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => Tensor.From(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(data), shape),
        ScalarType.Float64 => Tensor.From(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(data), shape),
        ScalarType.Int64 => Tensor.From(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(data), shape),
        ScalarType.Int32 => Tensor.From(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(data), shape),
        ScalarType.UInt8 => Tensor.From(data, shape),
        ScalarType.Bool => Tensor.From(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, bool>(data), shape),
        _ => throw new InvalidDataException($"unsupported dtype code {(int)dtype} in parameter archive"),
    };

    private ref struct SpanReader(ReadOnlySpan<byte> buffer)
    {
        private readonly ReadOnlySpan<byte> buffer = buffer;
        private int position;

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0 || position + count > buffer.Length)
            {
                throw new InvalidDataException($"parameter archive is truncated at byte {position} (needed {count} more bytes, {buffer.Length - position} left)");
            }
            var slice = buffer.Slice(position, count);
            position += count;
            return slice;
        }

        public byte Byte() => Bytes(1)[0];
        public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2));
        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));
        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));
        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8));
    }
}
