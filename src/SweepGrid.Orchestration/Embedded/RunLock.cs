using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SweepGrid.Store;

namespace SweepGrid.Orchestration.Embedded;

/// <summary>
/// One embedded coordinator per database: the coordinator lock row names the holding process. A second
/// `run` on the same file refuses with that name instead of writing a second journal; a holder that died
/// (kill -9) on this machine is taken over at once rather than after its time runs out. A database that a
/// cluster uses is refused too: its members record themselves in the store (<see cref="Cluster.MemberPresence"/>).
/// </summary>
public sealed partial class RunLock(ITrialStore store, TimeProvider time)
{
    /// <summary>How long the lock holds without renewal; the runner renews it every third of this.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(15);

    public string Holder { get; } = string.Create(CultureInfo.InvariantCulture, $"sweepgrid run (pid {Environment.ProcessId} on {Environment.MachineName}, run {Guid.NewGuid().ToString("N")[..8]})");

    /// <exception cref="DatabaseInUseException">A live process holds the database.</exception>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var members = (await store.ListNodesAsync(cancellationToken).ConfigureAwait(false)).Where(n => Cluster.MemberPresence.IsLiveMember(n, now)).ToList();
        if (members.Count > 0)
        {
            throw new DatabaseInUseException(
                $"{store.DatabaseName} is in use by a SweepGrid cluster: " +
                string.Join("; ", members.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.NodeId} (seen {(now - m.LastSeen).TotalSeconds:0.#} s ago)"))) +
                "; submit to the cluster with `sweepgrid submit --server URL`, or run with another --db");
        }
        if (await store.TryAcquireCoordinatorLockAsync(Holder, Ttl, now, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var current = await store.GetCoordinatorLockAsync(cancellationToken).ConfigureAwait(false);
        if (current is not null && IsDeadOnThisMachine(current.Holder)
            && await store.TakeOverCoordinatorLockAsync(current.Holder, Holder, Ttl, now, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        throw new DatabaseInUseException(
            $"{store.DatabaseName} is in use by {current?.Holder ?? "another coordinator"} (lock held until {current?.HeldUntil:u}); " +
            "wait for it to finish, or run with another --db");
    }

    public Task<bool> RenewAsync(CancellationToken cancellationToken) =>
        store.TryAcquireCoordinatorLockAsync(Holder, Ttl, time.GetUtcNow(), cancellationToken);

    public Task ReleaseAsync() => store.ReleaseCoordinatorLockAsync(Holder, CancellationToken.None);

    private static bool IsDeadOnThisMachine(string holder)
    {
        var match = HolderPattern().Match(holder);
        if (!match.Success || match.Groups["host"].Value != Environment.MachineName)
        {
            return false;
        }
        try
        {
            using var process = Process.GetProcessById(int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture));
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }

    [GeneratedRegex(@"^sweepgrid run \(pid (?<pid>\d+) on (?<host>.+), run [0-9a-f]+\)$")]
    private static partial Regex HolderPattern();
}
