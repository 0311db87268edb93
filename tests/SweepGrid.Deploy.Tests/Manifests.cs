using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace SweepGrid.Deploy.Tests;

/// <summary>Rendered Kubernetes objects, read from multi-document YAML into JSON nodes.</summary>
internal sealed class Manifests
{
    private Manifests(IReadOnlyList<JsonObject> objects) => Objects = objects;

    public IReadOnlyList<JsonObject> Objects { get; }

    public static Manifests Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var objects = stream.Documents
            .Select(document => ToJson(document.RootNode))
            .OfType<JsonObject>()
            .ToList();
        return new Manifests(objects);
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Single(string kind, string nameSuffix) =>
        OfKind(kind).Single(o => ((string?)o["metadata"]?["name"] ?? "").EndsWith(nameSuffix, StringComparison.Ordinal));

    /// <summary>The main container of a workload (the one named sweepgrid, else the first).</summary>
    public static JsonObject MainContainer(JsonObject workload)
    {
        var containers = workload["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        return (containers.FirstOrDefault(c => (string?)c!["name"] == "sweepgrid") ?? containers[0])!.AsObject();
    }

    /// <summary>A container's plain environment values by name (values from secrets are null).</summary>
    public static Dictionary<string, JsonObject> Env(JsonObject container) =>
        (container["env"]?.AsArray() ?? []).Select(e => e!.AsObject()).ToDictionary(e => (string)e["name"]!, e => e);

    public static string? EnvValue(JsonObject container, string name) =>
        Env(container).TryGetValue(name, out var e) ? (string?)e["value"] : null;

    public static IEnumerable<JsonObject> Workloads(Manifests m) =>
        m.OfKind("StatefulSet").Concat(m.OfKind("Deployment"));

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    // Plain (unquoted) scalars are typed the way Kubernetes reads them; quoted ones stay strings.
    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain)
        {
            if (text is "" or "null" or "~")
            {
                return null;
            }
            if (text is "true" or "false")
            {
                return JsonValue.Create(text == "true");
            }
            if (long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return JsonValue.Create(number);
            }
        }
        return JsonValue.Create(text);
    }
}
