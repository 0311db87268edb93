using System.Reflection;
using Prometheus;
using SweepGrid.Telemetry;

namespace SweepGrid.Cli;

/// <summary>
/// The process's one <see cref="SweepGridMetrics"/>, in prometheus-net's default registry so that its process and
/// .NET runtime metrics are served beside SweepGrid's. Event-counter and Meter adapters are off: they would publish
/// every library's instruments under names no dashboard uses.
/// </summary>
internal static class ProcessMetrics
{
    private static readonly Lazy<SweepGridMetrics> Instance = new(() =>
    {
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true, SuppressMeters = true });
        var version = typeof(ProcessMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return new SweepGridMetrics(Metrics.DefaultRegistry, version.Split('+')[0]);
    });

    public static SweepGridMetrics Get() => Instance.Value;
}
