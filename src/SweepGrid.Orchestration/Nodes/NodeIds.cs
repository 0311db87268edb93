namespace SweepGrid.Orchestration.Nodes;

/// <summary>
/// Node ids are <c>name/incarnation</c>: the name is stable (host, or cluster address), the incarnation is new
/// for every process, so the coordinator tells a restarted node from one that kept running.
/// </summary>
public static class NodeIds
{
    public static string New(string name) => $"{name}/{Guid.NewGuid():N}";

    public static string NameOf(string nodeId)
    {
        var slash = nodeId.LastIndexOf('/');
        return slash < 0 ? nodeId : nodeId[..slash];
    }
}
