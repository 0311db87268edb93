using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using SweepGrid.Orchestration.Serialization;

namespace SweepGrid.Orchestration.Hosting;

/// <summary>The parts of the actor system's configuration that embedded and cluster members share.</summary>
public static class AkkaSetup
{
    /// <summary>The actor system's name, the same on every member.</summary>
    public const string SystemName = "sweepgrid";

    /// <summary>Journal and snapshots through Akka.Persistence.Sql, and the JSON wire serializer for every message and event.</summary>
    public static AkkaConfigurationBuilder WithSweepGridPersistence(this AkkaConfigurationBuilder builder, JournalDatabase journal) =>
        builder
            .WithSqlPersistence(journal.DataOptions, autoInitialize: true)
            .WithCustomSerializer("sweepgrid-json", [typeof(IWireMessage)], system => new WireSerializer(system));
}
