namespace SweepGrid.Store.Tests.Support;

/// <summary>Small builders for submissions and results, so tests read as the scenario they check.</summary>
internal static class Studies
{
    public static TrialSubmission Trial(string id, int priority = 0, int maxAttempts = 3, params string[] dependsOn) =>
        new(id, "train-evaluate", $$"""{"trial":"{{id}}"}""", $"weights-{id}", $$"""{"name":"{{id}}"}""", priority, maxAttempts, dependsOn);

    public static StudySubmission Study(string id, params TrialSubmission[] trials) =>
        new(id, $"study {id}", $"name: {id}\n", trials);

    public static TrialResults Results(params (string Condition, string Metric, double Value)[] rows) =>
        new(rows.Select(r => new ResultRow(r.Condition, r.Metric, r.Value)).ToList(), """[{"epoch":1,"loss":0.5}]""", """{"train_s":1.5}""");

    public static TrialResults SomeResults() => Results(("clean", "accuracy", 0.98), ("fgsm=0.1", "accuracy", 0.72));

    public static TrialProgress Progress(int epoch) => new(epoch, 0.5 / epoch, 1000);
}
