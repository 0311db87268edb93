using SweepGrid.Robustness.Evaluation;

namespace SweepGrid.Cli.Commands;

/// <summary>What `sweepgrid train` was asked to do, after parsing and validation.</summary>
public sealed record TrainSettings(TrialDefinition Trial, TrialEnvironment Environment, bool Json);
