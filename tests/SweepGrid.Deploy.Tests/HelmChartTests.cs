using System.Text.Json.Nodes;

namespace SweepGrid.Deploy.Tests;

/// <summary>
/// The Helm chart, checked with the real helm binary and an offline Kubernetes schema validator.
/// There is no Kubernetes cluster here, so the tests also read the rendered objects and check the
/// fields the program relies on: seed addresses, ports, environment names, secret keys, GPU limits.
/// </summary>
public sealed class HelmChartTests
{
    public static TheoryData<string> Scenarios() => [.. Repository.Scenarios()];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Lint_passes_for_every_scenario(string scenario)
    {
        var result = Tools.Helm("lint", ".", "--strict", "-f", Path.Combine("ci", scenario));
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("0 chart(s) failed", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_rendered_object_is_a_valid_kubernetes_object(string scenario)
    {
        var rendered = Tools.Render(scenario);
        var result = Tools.Run("node", [Path.Combine(Repository.Checks, "validate-manifests.mjs"), "-"], Repository.Checks, rendered);
        Assert.True(result.ExitCode == 0, $"{scenario}:\n{result.All}");
        Assert.Matches(@"^\d+ objects, 0 invalid$", result.Output.Trim().Split('\n')[^1]);
    }

    [Fact]
    public void The_validator_rejects_a_broken_object()
    {
        // The validator is what makes the test above meaningful: a wrong type must be caught.
        var broken = Tools.Render("default-values.yaml").Replace("replicas: 3", "replicas: three", StringComparison.Ordinal);
        var result = Tools.Run("node", [Path.Combine(Repository.Checks, "validate-manifests.mjs"), "-"], Repository.Checks, broken);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("spec/replicas must be integer", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Seed_nodes_are_the_stable_dns_names_of_the_first_coordinator_pods(string scenario)
    {
        var m = Manifests.Parse(Tools.Render(scenario));
        var coordinators = m.Single("StatefulSet", "-coordinator");
        var headless = m.OfKind("Service").Single(s => (string?)s["spec"]!["clusterIP"] == "None" && ((string)s["metadata"]!["name"]!).EndsWith("-members", StringComparison.Ordinal));
        var serviceName = (string)headless["metadata"]!["name"]!;
        Assert.Equal(serviceName, (string?)coordinators["spec"]!["serviceName"]);
        Assert.True((bool?)headless["spec"]!["publishNotReadyAddresses"], "seeds must resolve before they are ready, or the first member can never form the cluster");

        var container = Manifests.MainContainer(coordinators);
        var port = (int)(long)container["ports"]!.AsArray().Single(p => (string?)p!["name"] == "remoting")!["containerPort"]!;
        var replicas = (int)(long)coordinators["spec"]!["replicas"]!;
        var name = (string)coordinators["metadata"]!["name"]!;
        var seeds = Manifests.EnvValue(container, "SWEEPGRID_CLUSTER__SEEDNODES")!.Split(',');
        Assert.InRange(seeds.Length, 1, Math.Min(3, replicas));
        for (var i = 0; i < seeds.Length; i++)
        {
            Assert.Equal($"{name}-{i}.{serviceName}.studies.svc.cluster.local:{port}", seeds[i]);
        }
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), Manifests.EnvValue(container, "SWEEPGRID_CLUSTER__PORT"));
        // A member advertises the same name the seed list uses for it.
        Assert.Equal($"$(POD_NAME).{serviceName}.studies.svc.cluster.local", Manifests.EnvValue(container, "SWEEPGRID_CLUSTER__PUBLICHOSTNAME"));

        foreach (var workload in Manifests.Workloads(m).Where(w => ((string)w["metadata"]!["name"]!).Contains("sweepgrid-", StringComparison.Ordinal) && !((string)w["metadata"]!["name"]!).EndsWith("-postgresql", StringComparison.Ordinal)))
        {
            Assert.Equal(string.Join(',', seeds), Manifests.EnvValue(Manifests.MainContainer(workload), "SWEEPGRID_CLUSTER__SEEDNODES"));
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Members_serve_http_on_the_api_port_with_probes_and_the_api_service_targets_it(string scenario)
    {
        var m = Manifests.Parse(Tools.Render(scenario));
        foreach (var workload in SweepGridWorkloads(m))
        {
            var container = Manifests.MainContainer(workload);
            var http = container["ports"]!.AsArray().Single(p => (string?)p!["name"] == "http")!;
            var port = (long)http["containerPort"]!;
            Assert.Equal($"http://0.0.0.0:{port}", Manifests.EnvValue(container, "SWEEPGRID_API__URLS"));
            Assert.Equal("/healthz", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
            Assert.Equal("/readyz", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
            Assert.Equal("http", (string?)container["readinessProbe"]!["httpGet"]!["port"]);
            Assert.Equal(new JsonArray("serve").ToJsonString(), container["args"]!.ToJsonString());
        }
        var api = m.Single("Service", "-api");
        Assert.Equal("http", (string?)api["spec"]!["ports"]![0]!["targetPort"]);
        Assert.Equal("coordinator", (string?)api["spec"]!["selector"]!["app.kubernetes.io/component"]);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_secret_reference_names_a_key_the_secret_holds(string scenario)
    {
        var m = Manifests.Parse(Tools.Render(scenario));
        var secrets = m.OfKind("Secret").ToDictionary(s => (string)s["metadata"]!["name"]!, s => s["data"]?.AsObject() ?? s["stringData"]!.AsObject());
        var references = Manifests.Workloads(m)
            .SelectMany(w => w["spec"]!["template"]!["spec"]!["containers"]!.AsArray())
            .SelectMany(c => c!["env"]?.AsArray() ?? [])
            .Select(e => e!["valueFrom"]?["secretKeyRef"])
            .OfType<JsonNode>()
            .ToList();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            var name = (string)reference["name"]!;
            var key = (string)reference["key"]!;
            if (scenario == "existing-secret-values.yaml")
            {
                // The user's own Secret: the chart must create none and refer to it with the configured keys.
                Assert.Equal("sweepgrid-credentials", name);
                Assert.Contains(key, new[] { "token", "url" });
                Assert.DoesNotContain(name, secrets.Keys);
            }
            else
            {
                Assert.True(secrets.TryGetValue(name, out var data), $"no Secret {name} is rendered");
                Assert.True(data!.ContainsKey(key), $"Secret {name} has no key {key}");
            }
        }
    }

    [Fact]
    public void Generated_database_url_and_password_agree()
    {
        // The bundled PostgreSQL and the members must see one password even though it is generated.
        var m = Manifests.Parse(Tools.Render("default-values.yaml"));
        var data = m.Single("Secret", "-secrets")["data"]!;
        var password = Base64((string)data["postgres-password"]!);
        var url = Base64((string)data["database-url"]!);
        Assert.Equal(32, password.Length);
        Assert.Equal($"postgres://sweepgrid:{password}@sg-sweepgrid-postgresql:5432/sweepgrid", url);
        Assert.Equal(40, Base64((string)data["api-token"]!).Length);
    }

    [Fact]
    public void Gpu_nodes_request_their_gpus_run_the_cuda_image_and_get_slots_per_gpu()
    {
        var m = Manifests.Parse(Tools.Render("gpu-monitoring-values.yaml"));
        var nodes = m.Single("Deployment", "-node");
        var container = Manifests.MainContainer(nodes);
        Assert.Equal(2L, (long)container["resources"]!["limits"]!["nvidia.com/gpu"]!);
        Assert.Equal("12", Manifests.EnvValue(container, "SWEEPGRID_NODE__SLOTS"));
        Assert.Equal("cuda", Manifests.EnvValue(container, "SWEEPGRID_NODE__DEVICE"));
        Assert.Equal("node", Manifests.EnvValue(container, "SWEEPGRID_CLUSTER__ROLES"));
        Assert.EndsWith("-cuda", (string)container["image"]!, StringComparison.Ordinal);
        var pod = nodes["spec"]!["template"]!["spec"]!;
        Assert.Equal("true", (string?)pod["nodeSelector"]!["nvidia.com/gpu.present"]);
        Assert.Contains(pod["tolerations"]!.AsArray(), t => (string?)t!["key"] == "dedicated");
        Assert.Equal(3L, (long)nodes["spec"]!["replicas"]!);
    }

    [Fact]
    public void Cpu_nodes_get_cpu_slots_and_no_gpu_and_coordinators_may_also_run_trials()
    {
        var m = Manifests.Parse(Tools.Render("cpu-only-values.yaml"));
        var node = Manifests.MainContainer(m.Single("Deployment", "-node"));
        Assert.Null(node["resources"]!["limits"]!["nvidia.com/gpu"]);
        Assert.Equal("cpu", Manifests.EnvValue(node, "SWEEPGRID_NODE__DEVICE"));
        Assert.Equal("4", Manifests.EnvValue(node, "SWEEPGRID_NODE__SLOTS"));
        Assert.DoesNotContain("-cuda", (string)node["image"]!, StringComparison.Ordinal);
        var coordinator = Manifests.MainContainer(m.Single("StatefulSet", "-coordinator"));
        Assert.Equal("coordinator,node", Manifests.EnvValue(coordinator, "SWEEPGRID_CLUSTER__ROLES"));
        Assert.Equal("2", Manifests.EnvValue(coordinator, "SWEEPGRID_NODE__SLOTS"));
        Assert.DoesNotContain(m.OfKind("StatefulSet"), s => ((string)s["metadata"]!["name"]!).EndsWith("-postgresql", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_pod_runs_as_non_root_without_capabilities(string scenario)
    {
        var m = Manifests.Parse(Tools.Render(scenario));
        foreach (var workload in Manifests.Workloads(m))
        {
            var pod = workload["spec"]!["template"]!["spec"]!;
            Assert.True((bool?)pod["securityContext"]!["runAsNonRoot"], (string?)workload["metadata"]!["name"]);
            var containers = pod["containers"]!.AsArray().Concat(pod["initContainers"]?.AsArray() ?? []);
            foreach (var container in containers)
            {
                Assert.False((bool?)container!["securityContext"]!["allowPrivilegeEscalation"]);
                Assert.Contains("ALL", container["securityContext"]!["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c));
            }
        }
    }

    [Fact]
    public void Disruption_budget_keeps_a_majority_of_coordinators()
    {
        var m = Manifests.Parse(Tools.Render("existing-secret-values.yaml"));
        var budget = m.Single("PodDisruptionBudget", "-coordinator");
        Assert.Equal(3L, (long)budget["spec"]!["minAvailable"]!);
        Assert.Equal(5L, (long)m.Single("StatefulSet", "-coordinator")["spec"]!["replicas"]!);
    }

    [Fact]
    public void Monitoring_scenario_renders_a_service_monitor_over_every_member_and_dashboards_for_the_sidecar()
    {
        var m = Manifests.Parse(Tools.Render("gpu-monitoring-values.yaml"));
        var monitor = m.OfKind("ServiceMonitor").Single();
        Assert.Equal("/metrics", (string?)monitor["spec"]!["endpoints"]![0]!["path"]);
        var metricsService = m.Single("Service", "-metrics");
        Assert.Null(metricsService["spec"]!["selector"]!["app.kubernetes.io/component"]);
        Assert.Equal("metrics", (string?)monitor["spec"]!["selector"]!["matchLabels"]!["app.kubernetes.io/component"]);

        var dashboards = m.OfKind("ConfigMap").Where(c => (string?)c["metadata"]!["labels"]!["grafana_dashboard"] == "1").ToList();
        Assert.Equal(2, dashboards.Count);
        foreach (var configMap in dashboards)
        {
            var (key, json) = configMap["data"]!.AsObject().Single();
            var file = Path.Combine(Repository.Chart, "dashboards", key.Replace("sweepgrid-", "", StringComparison.Ordinal));
            Assert.Equal(JsonNode.Parse(File.ReadAllText(file))!.ToJsonString(), JsonNode.Parse((string)json!)!.ToJsonString());
        }
        var datasource = m.Single("Secret", "-grafana-ds");
        Assert.Equal("1", (string?)datasource["metadata"]!["labels"]!["grafana_datasource"]);
        var password = Base64((string)m.Single("Secret", "-secrets")["data"]!["postgres-password"]!);
        Assert.Contains($"password: \"{password}\"", (string)datasource["stringData"]!["sweepgrid-results.yaml"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("node.gpusPerPod=-1", "node.gpusPerPod: Must be greater than or equal to 0")]
    [InlineData("cluster.port=70000", "cluster.port: Must be less than or equal to 65535")]
    [InlineData("replicaCount=3", "Additional property replicaCount is not allowed")]
    [InlineData("postgresql.enabled=false", "database.url is required when postgresql.enabled is false")]
    public void Invalid_values_are_refused_with_the_field_named(string set, string expected)
    {
        var result = Tools.Helm("template", "sg", ".", "--set", set);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.All, StringComparison.Ordinal);
    }

    private static IEnumerable<JsonObject> SweepGridWorkloads(Manifests m) =>
        Manifests.Workloads(m).Where(w => !((string)w["metadata"]!["name"]!).EndsWith("-postgresql", StringComparison.Ordinal));

    private static string Base64(string value) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(value));
}
