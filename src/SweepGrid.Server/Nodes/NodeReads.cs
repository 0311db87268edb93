using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SweepGrid.Server.Studies;
using SweepGrid.Store;

namespace SweepGrid.Server.Nodes;

/// <summary><c>GET /api/v1/nodes</c>: every node as it last reported (id, slots, state, last seen).</summary>
internal static class NodeReads
{
    public static async Task<Ok<List<NodeSummary>>> List(ITrialStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListNodesAsync(ct).ConfigureAwait(false)).Select(n => new NodeSummary(n.NodeId, n.Slots, n.State, n.LastSeen)).ToList());
}
