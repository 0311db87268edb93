using System.Text.Json;
using System.Text.Json.Serialization;

namespace SweepGrid.Store.Sql;

/// <summary>The JSON text stored for <see cref="TrialProgress"/>: {"epoch":3,"loss":0.41,"samplesPerSecond":51234}.</summary>
internal static class ProgressJson
{
    // A diverging trial reports NaN or infinite losses; JSON has no literal for them unless allowed.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write(TrialProgress progress) => JsonSerializer.Serialize(progress, Options);

    public static TrialProgress? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<TrialProgress>(json, Options);
}
