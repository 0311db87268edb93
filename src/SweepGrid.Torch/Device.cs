using System.Globalization;

namespace SweepGrid.Torch;

/// <summary>Device kinds; the values are libtorch's c10::DeviceType codes.</summary>
public enum DeviceType
{
    Cpu = 0,
    Cuda = 1,
}

/// <summary>Where a tensor lives: the CPU, or one CUDA device (index -1 means the current one).</summary>
public readonly record struct Device(DeviceType Type, int Index = -1)
{
    public static readonly Device Cpu = new(DeviceType.Cpu);

    public static Device Cuda(int index = 0) => new(DeviceType.Cuda, index);

    public bool IsCuda => Type == DeviceType.Cuda;

    /// <summary>Parses "cpu", "cuda" or "cuda:N".</summary>
    public static Device Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split(':');
        return parts switch
        {
            ["cpu"] => Cpu,
            ["cuda"] => Cuda(0),
            ["cuda", var n] when int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var index) => Cuda(index),
            _ => throw new FormatException($"'{text}' is not a device; use cpu, cuda or cuda:N"),
        };
    }

    public override string ToString() => Type == DeviceType.Cpu ? "cpu" : Index < 0 ? "cuda" : $"cuda:{Index}";
}
