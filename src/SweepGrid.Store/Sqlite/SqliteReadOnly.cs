namespace SweepGrid.Store.Sqlite;

/// <summary>
/// Tells when a SQLite database can only be read (a file without write permission, a read-only directory
/// or file system), so that it is opened read-only and can still be listed, reported and inspected.
/// </summary>
/// <remarks>
/// A read-only database is opened with <c>immutable=1</c>: SQLite then reads it without the WAL's shared-memory
/// file, which it could not create. The price is that SQLite assumes nobody changes the file meanwhile, which
/// holds for what cannot be written from here; a reader sees the database as it was when it was opened.
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

    /// <summary>The <c>file:</c> URI that opens <paramref name="fullPath"/> as immutable.</summary>
    public static string ImmutableUri(string fullPath) => new Uri(fullPath).AbsoluteUri + "?immutable=1";
}
