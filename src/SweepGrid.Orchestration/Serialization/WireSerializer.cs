using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace SweepGrid.Orchestration.Serialization;

/// <summary>
/// Serializes <see cref="IWireMessage"/>s as System.Text.Json UTF-8 with explicit, versioned manifests
/// (e.g. <c>event/trial-dispatched/v1</c>), never CLR type names: renaming or moving a type keeps recovery and
/// rolling upgrades working, and an unknown manifest fails loudly instead of deserializing the wrong type.
/// </summary>
public sealed class WireSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>Akka serializer id; ids below 100 are Akka's own.</summary>
    public const int Id = 4053;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Results may hold NaN (a metric that is undefined for a condition).
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public override int Identifier => Id;

    public override string Manifest(object o) => WireManifests.Of(o.GetType());

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Json);

    public override object FromBinary(byte[] bytes, string manifest) =>
        JsonSerializer.Deserialize(bytes, WireManifests.TypeOf(manifest), Json)
        ?? throw new System.Runtime.Serialization.SerializationException($"manifest '{manifest}': the payload is JSON null");
}
