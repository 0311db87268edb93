using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;
using SweepGrid.Torch;

namespace SweepGrid.Cli.Commands;

/// <summary>What `sweepgrid train` was asked to do, after parsing and validation.</summary>
public sealed record TrainSettings(
    ModelSpec Model,
    TrainingConfig Training,
    string DataDirectory,
    int Threads,
    long TrainLimit,
    Device Device,
    bool Json);
