using SweepGrid.Cli.Studies;
using SweepGrid.Orchestration.Embedded;
using SweepGrid.Store;

namespace SweepGrid.Cli.Tests;

public sealed class ProgressViewTests
{
    private static RunProgress At(int completed, int running, double seconds) =>
        new("s", new Dictionary<TrialState, int> { [TrialState.Completed] = completed, [TrialState.Leased] = running, [TrialState.Queued] = 6 - completed - running },
            null, TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Redirected_output_gets_one_line_per_change_of_counts_not_per_poll()
    {
        var output = new StringWriter();
        var view = new ProgressView(output);

        view.Show(At(0, 2, 1));
        view.Show(At(0, 2, 2)); // only the clock moved
        view.Show(At(0, 2, 3));
        view.Show(At(1, 2, 4));
        view.Show(At(1, 2, 5));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["s: 0/6 completed, 2 running, 0 failed, 0 cancelled (1 s)", "s: 1/6 completed, 2 running, 0 failed, 0 cancelled (4 s, about 20 s left)"], lines);
    }
}
