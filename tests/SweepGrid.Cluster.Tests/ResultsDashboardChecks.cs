using Npgsql;
using SweepGrid.Telemetry.Tests;

namespace SweepGrid.Cluster.Tests;

/// <summary>
/// The results dashboard's SQL (variables and panels) run against the real PostgreSQL database a study wrote, with
/// Grafana's variables substituted the way Grafana would: the first value each variable query returns.
/// </summary>
internal static class ResultsDashboardChecks
{
    /// <summary>Each variable's and panel's failure (an error, or no rows where rows must be); empty when all passed.</summary>
    public static async Task<IReadOnlyList<string>> FailuresAsync(string database, string study, string studyWithFailures)
    {
        var dashboard = Dashboards.Load("results");
        var failures = new List<string>();
        var chosen = new Dictionary<string, string> { ["study"] = study };
        foreach (var variable in dashboard["templating"]!["list"]!.AsArray())
        {
            var name = (string)variable!["name"]!;
            if ((string?)variable["type"] != "query" || variable["query"] is not { } query || query.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                continue;
            }
            var rows = await RunAsync(database, Dashboards.Substitute((string)query!, chosen), failures, $"variable {name}");
            if (rows is null)
            {
                continue;
            }
            if (rows.Count == 0)
            {
                failures.Add($"variable {name}: no values for study {study}");
            }
            else if (name != "study")
            {
                chosen[name] = rows[0];
            }
            else if (!rows.Contains(study))
            {
                failures.Add($"variable study: {study} is not among its values ({string.Join(", ", rows)})");
            }
        }
        foreach (var (panel, sql) in Dashboards.Queries(dashboard, "rawSql"))
        {
            // Only a study with failed trials can fill the failed-trials table.
            var selection = panel.StartsWith("Failed", StringComparison.Ordinal) ? new Dictionary<string, string>(chosen) { ["study"] = studyWithFailures } : chosen;
            var rows = await RunAsync(database, Dashboards.Substitute(sql, selection), failures, $"panel {panel}");
            if (rows is { Count: 0 })
            {
                failures.Add($"panel {panel}: no rows for study {selection["study"]}");
            }
        }
        return failures;
    }

    /// <summary>The first column of every row as text, or null (with the error added to <paramref name="failures"/>).</summary>
    private static async Task<List<string>?> RunAsync(string database, string sql, List<string> failures, string what)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
            }
            return rows;
        }
        catch (PostgresException e)
        {
            failures.Add($"{what}: {e.MessageText}\n{sql}");
            return null;
        }
    }
}
