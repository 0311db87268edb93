using Akka.Configuration;
using Akka.Persistence.Sql.Hosting;
using SweepGrid.Orchestration.Hosting;

namespace SweepGrid.Orchestration.Tests;

/// <summary>Actor-system configuration for TestKit tests, built from the same typed options the hosts use.</summary>
internal static class AkkaTestConfig
{
    public static Config SerializationOnly() => ConfigurationFactory.ParseString("""
        akka.actor.serializers.sweepgrid-json = "SweepGrid.Orchestration.Serialization.WireSerializer, SweepGrid.Orchestration"
        akka.actor.serialization-bindings { "SweepGrid.Orchestration.Serialization.IWireMessage, SweepGrid.Orchestration" = sweepgrid-json }
        """);

    /// <summary>Journal and snapshots in the SQLite file at <paramref name="path"/> (the same file as the store).</summary>
    public static Config WithJournal(string path)
    {
        var database = JournalDatabase.Sqlite(path);
        var journal = new SqlJournalOptions(true) { ConnectionString = database.ConnectionString, ProviderName = database.ProviderName, AutoInitialize = true };
        var snapshots = new SqlSnapshotOptions(true) { ConnectionString = database.ConnectionString, ProviderName = database.ProviderName, AutoInitialize = true };
        return journal.ToConfig()
            .WithFallback(snapshots.ToConfig())
            .WithFallback(journal.DefaultConfig)
            .WithFallback(snapshots.DefaultConfig)
            .WithFallback(SerializationOnly());
    }
}
