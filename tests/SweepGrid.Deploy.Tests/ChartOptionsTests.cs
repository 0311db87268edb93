using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SweepGrid.Orchestration.Cluster;
using SweepGrid.Server;

namespace SweepGrid.Deploy.Tests;

/// <summary>
/// The environment the chart gives each member, read the way `sweepgrid serve` reads it (prefix SWEEPGRID_,
/// "__" nests) and bound to the program's own option types: every name must exist (a misspelt key fails the
/// binding) and every value must pass the program's start-up validation.
/// </summary>
public sealed class ChartOptionsTests
{
    private static readonly string[] KnownSections = ["Cluster", "Node", "Database", "Api", "Data"];

    public static TheoryData<string> Scenarios() => [.. Repository.Scenarios()];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_members_environment_binds_to_the_programs_options_and_passes_their_validation(string scenario)
    {
        var manifests = Manifests.Parse(Tools.Render(scenario));
        var members = Manifests.Workloads(manifests).Where(w => !((string)w["metadata"]!["name"]!).EndsWith("-postgresql", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(members);
        foreach (var workload in members)
        {
            var name = (string)workload["metadata"]!["name"]!;
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(Manifests.MainContainer(workload), name)).Build();
            Assert.All(configuration.GetChildren().Select(s => s.Key), key => Assert.Contains(key, KnownSections, StringComparer.OrdinalIgnoreCase));

            var member = Bind<ClusterMemberOptions>(configuration, ClusterMemberOptions.Section);
            var node = Bind<NodeHostOptions>(configuration, NodeHostOptions.Section);
            var database = Bind<DatabaseOptions>(configuration, DatabaseOptions.Section);
            var validation = new ClusterOptionsValidation();
            foreach (var result in new[] { validation.Validate(null, member), validation.Validate(null, node), validation.Validate(null, database) })
            {
                Assert.False(result.Failed, $"{scenario} {name}: {result.FailureMessage}");
            }
            Assert.NotEmpty(member.SeedAddresses);

            var services = new ServiceCollection().AddSweepGridApi(configuration).BuildServiceProvider();
            var api = services.GetRequiredService<IOptions<ApiOptions>>().Value; // runs the API's own validation
            Assert.True(api.RequireToken);
            Bind<ApiOptions>(configuration, ApiOptions.Section);
        }
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var options = new T();
        // A key the chart sets that the option type does not have fails here, instead of being silently ignored.
        configuration.GetSection(section).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        return options;
    }

    /// <summary>The SWEEPGRID_* variables as configuration keys, with what Kubernetes would put in their place:
    /// the pod's name and IP for $(…) references, and sample Secret values for secretKeyRefs.</summary>
    private static Dictionary<string, string?> Settings(JsonObject container, string workload)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, entry) in Manifests.Env(container).Where(e => e.Key.StartsWith("SWEEPGRID_", StringComparison.Ordinal)))
        {
            var value = (string?)entry["value"];
            if (entry["valueFrom"]?["secretKeyRef"] is not null)
            {
                value = variable == "SWEEPGRID_DATABASE__URL" ? "postgres://sweepgrid:secret@db.studies.svc.cluster.local:5432/sweepgrid" : "a-token-from-the-secret";
            }
            value = value?.Replace("$(POD_NAME)", workload + "-0", StringComparison.Ordinal).Replace("$(POD_IP)", "10.0.0.7", StringComparison.Ordinal);
            settings[variable["SWEEPGRID_".Length..].Replace("__", ":", StringComparison.Ordinal)] = value;
        }
        return settings;
    }
}
