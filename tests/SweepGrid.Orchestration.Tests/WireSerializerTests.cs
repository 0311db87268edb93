using System.Text;
using Akka.Actor;
using SweepGrid.Orchestration.Coordination;
using SweepGrid.Orchestration.Execution;
using SweepGrid.Orchestration.Nodes;
using SweepGrid.Orchestration.Serialization;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Tests;

public sealed class WireSerializerTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly Guid Token = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    public static TheoryData<object> Samples() =>
    [
        new StudySubmitted("s", 3),
        new TrialDispatched("t", "host/1", Token, 2),
        new TrialCompleted("t", Token),
        new TrialFailed("t", Token, "diverged at epoch 3"),
        new CoordinatorSnapshot(1, [new TrialDispatched("t", "host/1", Token, 2)]),
        new SubmitStudy(StudyFixtures.Study("s", 2, ensembles: 1)),
        new ReportOutcome("host/1", "t", Token, new TrialOutcome.Completed(new TrialResults([new ResultRow("clean", "ece", double.NaN)], "[]", "{}"))),
        new ReportOutcome("host/1", "t", Token, new TrialOutcome.Failed("diverged", Retryable: false)),
        new ReportOutcome("host/1", "t", Token, new TrialOutcome.Cancelled("drain")),
        new TrialAssigned(1, new Lease("t", "train", "{\"epochs\":1}", "w/1", "host/1", Token, 2, DateTimeOffset.UnixEpoch)),
        new RegisterNode("host/1", 2, [Token]),
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_wire_message_round_trips_under_its_explicit_manifest(object message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        Assert.IsType<WireSerializer>(serializer);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        Assert.DoesNotContain(message.GetType().Name, manifest, StringComparison.Ordinal);

        var back = Sys.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, manifest);

        Assert.Equal(Encoding.UTF8.GetString(serializer.ToBinary(message)), Encoding.UTF8.GetString(serializer.ToBinary(back)));
    }

    [Fact]
    public void A_journaled_event_of_this_format_version_still_reads()
    {
        // Frozen bytes, as a release writes them into the journal: renaming a type must not break recovery.
        var bytes = Encoding.UTF8.GetBytes("{\"trialId\":\"t\",\"nodeId\":\"host/1\",\"token\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"attempt\":2}");
        var serializer = new WireSerializer((ExtendedActorSystem)Sys);

        var fact = serializer.FromBinary(bytes, "event/trial-dispatched/v1");

        Assert.Equal(new TrialDispatched("t", "host/1", Token, 2), fact);
    }

    [Fact]
    public void An_unknown_manifest_is_refused_with_the_known_ones_listed()
    {
        var serializer = new WireSerializer((ExtendedActorSystem)Sys);
        var error = Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary([], "event/trial-teleported/v9"));
        Assert.Contains("event/trial-dispatched/v1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_manifest_is_unique_and_versioned()
    {
        var manifests = WireManifests.Types.Select(WireManifests.Of).ToList();
        Assert.Equal(manifests.Count, manifests.Distinct(StringComparer.Ordinal).Count());
        Assert.All(manifests, m => Assert.Matches(@"/v\d+$", m));
    }

    public WireSerializerTests() : base(AkkaTestConfig.SerializationOnly())
    {
    }
}
