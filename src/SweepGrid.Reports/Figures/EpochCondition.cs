using System.Globalization;
using System.Text.RegularExpressions;

namespace SweepGrid.Reports.Figures;

/// <summary>
/// The data shape for evaluation after each training epoch: a result row whose condition is
/// <c>epoch&lt;k&gt;:&lt;condition&gt;</c> (k = 1-based epoch, e.g. <c>epoch3:fgsm=0.1</c>, <c>epoch3:clean</c>)
/// holds the metric measured on the model as it was after epoch k. The final model keeps the plain
/// condition names, so tables of the trained model are unchanged; per-epoch curves read the prefixed rows.
/// </summary>
internal static partial class EpochCondition
{
    public static bool TryParse(string condition, out int epoch, out string rest)
    {
        var match = Prefix().Match(condition);
        epoch = 0;
        rest = "";
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out epoch) || epoch < 1)
        {
            return false;
        }

        rest = condition[match.Length..];
        return rest.Length > 0;
    }

    [GeneratedRegex(@"^epoch(\d{1,6}):", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
