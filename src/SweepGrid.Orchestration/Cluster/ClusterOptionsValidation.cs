using System.Globalization;
using Microsoft.Extensions.Options;

namespace SweepGrid.Orchestration.Cluster;

/// <summary>Start-up validation of the member's options; every message names the key and what is allowed.</summary>
public sealed class ClusterOptionsValidation : IValidateOptions<ClusterMemberOptions>, IValidateOptions<NodeHostOptions>, IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterMemberOptions options)
    {
        var errors = new List<string>();
        var roles = options.RoleList;
        if (roles.Count == 0 || roles.Any(r => r is not (ClusterMemberOptions.CoordinatorRole or ClusterMemberOptions.NodeRole)))
        {
            errors.Add($"Cluster:Roles (--roles) must be coordinator, node or coordinator,node (got '{options.Roles}')");
        }
        if (options.Port is < 1 or > 65535)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Cluster:Port (--port) must be 1-65535 (got {options.Port})"));
        }
        if (string.IsNullOrWhiteSpace(options.Hostname))
        {
            errors.Add("Cluster:Hostname (--hostname) must not be empty");
        }
        foreach (var (key, value, least) in new[]
        {
            ("HeartbeatInterval", options.HeartbeatInterval, TimeSpan.FromMilliseconds(100)),
            ("AcceptableHeartbeatPause", options.AcceptableHeartbeatPause, TimeSpan.FromMilliseconds(500)),
            ("StableAfter", options.StableAfter, TimeSpan.FromSeconds(1)),
            ("DownRemovalMargin", options.DownRemovalMargin, TimeSpan.Zero),
            ("SingletonRetryInterval", options.SingletonRetryInterval, TimeSpan.FromMilliseconds(100)),
        })
        {
            if (value < least || value > TimeSpan.FromMinutes(10))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Cluster:{key} must be between {least.TotalSeconds} s and 10 min (got {value})"));
            }
        }
        if (options.AcceptableHeartbeatPause < 2 * options.HeartbeatInterval)
        {
            errors.Add($"Cluster:AcceptableHeartbeatPause ({options.AcceptableHeartbeatPause}) must be at least twice Cluster:HeartbeatInterval ({options.HeartbeatInterval}), or one late heartbeat downs a member");
        }
        foreach (var seed in options.SeedNodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = seed.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(seed[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                errors.Add($"Cluster:SeedNodes (--seed-nodes) entries must be host:port (got '{seed}')");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, NodeHostOptions options)
    {
        var errors = new List<string>();
        if (options.Slots is { } slots && slots is < 1 or > NodeHostOptions.MaxSlots)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Node:Slots (--slots) must be 1-{NodeHostOptions.MaxSlots} (got {slots})"));
        }
        if (options.Threads is < 1 or > 256)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Node:Threads (--threads) must be 1-256 (got {options.Threads})"));
        }
        if (options.Executor is not ("science" or "noop"))
        {
            errors.Add($"Node:Executor must be science or noop (got '{options.Executor}')");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.Url)
            ? ValidateOptionsResult.Fail("Database:Url (--db, SWEEPGRID_DATABASE__URL) is required: a PostgreSQL URL shared by every member")
            : ValidateOptionsResult.Success;
}
