using System.Text.Json.Nodes;

namespace SweepGrid.Telemetry.Tests;

/// <summary>The dashboards shipped in the Helm chart, and their panels' queries.</summary>
internal static class Dashboards
{
    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SweepGrid.sln")))
            {
                dir = dir.Parent;
            }
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("no SweepGrid.sln above " + AppContext.BaseDirectory), "helm", "sweepgrid", "dashboards");
        }
    }

    public static JsonObject Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")))!.AsObject();

    /// <summary>(panel title, query text) for every target of every panel, in order.</summary>
    public static IEnumerable<(string Panel, string Query)> Queries(JsonObject dashboard, string field) =>
        dashboard["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]!.AsArray().Select(t => ((string)p["title"]!, (string)t![field]!)));

    /// <summary>Replaces the dashboard's template variables the way Grafana would for one selection.</summary>
    public static string Substitute(string query, IReadOnlyDictionary<string, string> variables)
    {
        foreach (var (name, value) in variables.OrderByDescending(v => v.Key.Length))
        {
            query = query.Replace("${" + name + "}", value, StringComparison.Ordinal).Replace("$" + name, value, StringComparison.Ordinal);
        }
        return query;
    }
}
