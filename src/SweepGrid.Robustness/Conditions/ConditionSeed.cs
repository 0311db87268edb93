using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Seeds for random conditions, one per (trial seed, condition name): stable across processes, machines and
/// .NET versions (SHA-256, not string.GetHashCode), and different for "noise=0.1" and "noise=0.2" so that
/// conditions do not share noise by accident.
/// </summary>
public static class ConditionSeed
{
    public static ulong Derive(ulong trialSeed, string conditionName)
    {
        ArgumentNullException.ThrowIfNull(conditionName);
        var text = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{trialSeed}/{conditionName}"));
        var hash = SHA256.HashData(text);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}
