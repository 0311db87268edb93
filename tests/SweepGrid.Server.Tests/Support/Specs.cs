namespace SweepGrid.Server.Tests.Support;

/// <summary>Small specs the tests submit.</summary>
internal static class Specs
{
    /// <summary>Two trainings (two seeds) with a quick profile of one epoch.</summary>
    public const string Tiny = """
        study: {name: api-tiny}
        dataset: {train_limit: 200, test_limit: 100}
        training: {epochs: 2}
        seeds: 2
        evaluation: [clean, fgsm=0.1]
        profiles:
          quick: {training.epochs: 1}
        """;

    /// <summary>A spec with two mistakes on known lines.</summary>
    public const string Invalid = """
        study: {name: api-bad}
        model: {kind: mlp, temprature: 2}
        training: {epochs: 0}
        """;
}
