namespace SweepGrid.Store.Sqlite;

/// <summary>
/// Tells when a SQLite database can only be read (a file without write permission, a read-only directory
/// or file system), so that it is opened read-only and can still be listed, reported and inspected.
/// </summary>
/// <remarks>
/// When the database has no write-ahead log beside it (it was closed cleanly), it is opened with
/// <c>immutable=1</c>: SQLite then reads it without the WAL's shared-memory file, which it could not create.
/// When a non-empty <c>-wal</c> file is there (the last writer was killed, or still runs), immutable would
/// ignore the commits in it, so the database is opened plainly read-only instead, which reads the log
/// through its existing <c>-shm</c> file.
/// </remarks>
internal static class SqliteReadOnly
{
    /// <summary>True when <paramref name="fullPath"/> exists and it, or its directory, cannot be written.</summary>
    public static bool Detect(string fullPath)
    {
        if (!File.Exists(fullPath))
        {
            return false;
        }
        try
        {
            using (new FileStream(fullPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
            {
            }
            // SQLite must also create the -wal and -shm files beside the database.
            var probe = Path.Combine(Path.GetDirectoryName(fullPath)!, $".sweepgrid-write-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
        catch (IOException e) when (e.HResult == ReadOnlyFileSystem)
        {
            return true;
        }
        catch (IOException)
        {
            // Anything else (a full disk above all) is not "read-only": open normally, and let the
            // store report the real cause when it writes.
            return false;
        }
    }

    // errno EROFS, which .NET on Unix reports as IOException.HResult.
    private const int ReadOnlyFileSystem = 30;

    /// <summary>The data source that opens <paramref name="fullPath"/> read-only (see the remarks on the type).</summary>
    public static string DataSource(string fullPath)
    {
        var log = new FileInfo(fullPath + "-wal");
        return log.Exists && log.Length > 0 ? fullPath : new Uri(fullPath).AbsoluteUri + "?immutable=1";
    }
}
