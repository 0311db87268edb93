using SweepGrid.Orchestration.Cluster;

namespace SweepGrid.Orchestration.Tests;

public class ClusterOptionsValidationTests
{
    private readonly ClusterOptionsValidation validation = new();

    [Fact]
    public void The_defaults_are_valid_and_seed_nodes_become_akka_addresses()
    {
        var member = new ClusterMemberOptions { SeedNodes = "sweepgrid-0.sweepgrid:4053, sweepgrid-1.sweepgrid:4053" };

        Assert.True(validation.Validate(null, member).Succeeded);
        Assert.True(validation.Validate(null, new NodeHostOptions()).Succeeded);
        Assert.Equal(["akka.tcp://sweepgrid@sweepgrid-0.sweepgrid:4053", "akka.tcp://sweepgrid@sweepgrid-1.sweepgrid:4053"], member.SeedAddresses);
        Assert.True(member.IsCoordinator && member.IsNode);
        Assert.Equal("127.0.0.1", member.EffectivePublicHostname);
    }

    [Theory]
    [InlineData("worker", 4053, "", "Cluster:Roles")]
    [InlineData("node", 70000, "", "Cluster:Port")]
    [InlineData("node", 4053, "host-without-port", "Cluster:SeedNodes")]
    public void A_bad_member_option_is_refused_naming_the_key(string roles, int port, string seeds, string key)
    {
        var result = validation.Validate(null, new ClusterMemberOptions { Roles = roles, Port = port, SeedNodes = seeds });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void An_absurd_slot_count_is_refused(int slots)
    {
        var result = validation.Validate(null, new NodeHostOptions { Slots = slots });

        Assert.True(result.Failed);
        Assert.Contains("Node:Slots (--slots) must be 1-256", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_without_a_database_is_refused()
    {
        Assert.Contains("Database:Url", validation.Validate(null, new DatabaseOptions()).FailureMessage, StringComparison.Ordinal);
    }
}
