using SweepGrid.Robustness.Models;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>One trained member of an ensemble: its architecture and its weights (a parameter archive).</summary>
public sealed record EnsembleMember(ModelSpec Model, byte[] Weights);
