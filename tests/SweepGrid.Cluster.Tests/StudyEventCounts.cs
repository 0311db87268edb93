using Npgsql;

namespace SweepGrid.Cluster.Tests;

/// <summary>Counts timeline events straight from the cluster's PostgreSQL database (what the tests check exactly-once against).</summary>
internal static class StudyEventCounts
{
    public static async Task<long> CountAsync(string database, string kind)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM events WHERE kind = @kind", connection);
        command.Parameters.AddWithValue("kind", kind);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
