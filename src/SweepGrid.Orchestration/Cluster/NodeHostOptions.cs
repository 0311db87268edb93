namespace SweepGrid.Orchestration.Cluster;

/// <summary>How a node-role member runs trials (section <c>Node</c>).</summary>
public sealed class NodeHostOptions
{
    public const string Section = "Node";

    /// <summary>The most slots a member accepts: more is a typo, not a machine.</summary>
    public const int MaxSlots = 256;

    /// <summary>Parallel trials (default: one per core on cpu, one per GPU on cuda).</summary>
    public int? Slots { get; set; }

    /// <summary><c>cpu</c> or <c>cuda[:N]</c>; a CUDA device that does not exist is refused at start.</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>libtorch threads per slot (default 1).</summary>
    public int Threads { get; set; } = 1;

    /// <summary><c>science</c> (train and evaluate) or <c>noop</c> (complete at once: orchestration tests and benchmarks).</summary>
    public string Executor { get; set; } = "science";

    /// <summary>How long each <c>noop</c> trial takes (default 0: at once).</summary>
    public TimeSpan NoOpDuration { get; set; }
}
