using System.Diagnostics;

namespace SweepGrid.Store.Tests.Support;

/// <summary>
/// A real, small tmpfs file system mounted for one test (needs root, as the test scripts run), so that a disk
/// can really fill up and a directory can really be read-only (root ignores permission bits, not a read-only mount).
/// </summary>
internal sealed class SmallFileSystem : IDisposable
{
    private SmallFileSystem(string path) => Path = path;

    public string Path { get; }

    public static SmallFileSystem Mount(int kilobytes)
    {
        var path = Directory.CreateTempSubdirectory("sweepgrid-tmpfs-").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path);
        return new SmallFileSystem(path);
    }

    /// <summary>Fills the file system until writing fails with "no space left"; returns the filler's path.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // ENOSPC: the file system is full, which is what the caller wants.
        }
        return filler;
    }

    public void RemountReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path);
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0,
            $"`{program} {string.Join(' ', args)}` failed ({process.ExitCode}): {error.Trim()} — these tests need root and a container that allows tmpfs mounts");
    }
}
