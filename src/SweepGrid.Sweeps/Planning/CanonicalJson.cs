using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SweepGrid.Sweeps.Values;

namespace SweepGrid.Sweeps.Planning;

/// <summary>
/// Canonical JSON for trial identity: object keys sorted ordinally, no whitespace, numbers in shortest
/// round-trip invariant form (so 1/64 and 0.015625 write the same), strings escaped minimally. The
/// same content always gives the same bytes, whatever order or spelling the YAML used.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A new object whose keys will be written in ordinal order.</summary>
    public static SortedDictionary<string, object?> Object() => new(StringComparer.Ordinal);

    /// <summary>
    /// Writes <paramref name="value"/>: objects are <see cref="SortedDictionary{TKey, TValue}"/>, arrays
    /// any other enumerable, leaves <see cref="SettingValue"/>, string, long, int, bool or null.
    /// </summary>
    public static string Write(object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            WriteValue(writer, value);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Lower-case hexadecimal SHA-256 of the UTF-8 bytes of <paramref name="json"/>.</summary>
    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case SettingValue setting:
                setting.WriteJson(writer);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case SortedDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"no canonical JSON form for {value.GetType().Name}");
        }
    }
}
