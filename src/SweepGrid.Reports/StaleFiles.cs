namespace SweepGrid.Reports;

/// <summary>Removes what an earlier report left in a report directory that the new one does not replace.</summary>
internal static class StaleFiles
{
    /// <summary>Deletes the directory's <c>*.svg</c> charts that are not among <paramref name="written"/>.</summary>
    public static void RemoveCharts(string directory, IReadOnlyCollection<string> written)
    {
        var keep = written.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var chart in Directory.EnumerateFiles(directory, "*.svg"))
        {
            if (!keep.Contains(Path.GetFullPath(chart)))
            {
                File.Delete(chart);
            }
        }
    }

    /// <summary>
    /// Deletes <see cref="AtomicFile"/> temporaries older than <paramref name="age"/>: a writer killed between
    /// writing and renaming leaves one behind. Younger ones may belong to a writer still at work.
    /// </summary>
    public static void RemoveAbandonedTemporaries(string directory, TimeSpan age)
    {
        var cutoff = DateTime.UtcNow - age;
        foreach (var temporary in Directory.EnumerateFiles(directory, ".*.tmp"))
        {
            if (File.GetLastWriteTimeUtc(temporary) < cutoff)
            {
                File.Delete(temporary);
            }
        }
    }
}
