namespace SweepGrid.Store;

/// <summary>A trial the read model shows as dispatched (leased): who holds it, under which token, and whether its studies were cancelled.</summary>
public sealed record HeldTrial(string TrialId, string NodeId, Guid Token, int Attempt, bool CancelRequested);
