using System.Globalization;

namespace SweepGrid.Robustness.Models;

/// <summary>
/// LeNet dropout rates on [input, conv1, conv2, full, output] (seed 004, Table 1). Each rate drops units
/// of that layer's output: the image itself, the pooled conv1 and conv2 maps, the ReLU of the 500-unit
/// fully-connected layer, and the logits.
/// </summary>
public sealed record DropoutLayout(double Input, double Conv1, double Conv2, double Full, double Output)
{
    public static readonly DropoutLayout None = new(0, 0, 0, 0, 0);
    public static readonly DropoutLayout InputOnly = new(0.2, 0, 0, 0, 0);
    public static readonly DropoutLayout All = new(0.2, 0.2, 0.2, 0.5, 0.5);

    public IReadOnlyList<double> Rates => [Input, Conv1, Conv2, Full, Output];

    /// <summary>Parses "none", "inp", "all" or five comma-separated rates "r0,r1,r2,r3,r4" in [0, 1).</summary>
    public static DropoutLayout Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text.Trim().ToLowerInvariant())
        {
            case "none": return None;
            case "inp": return InputOnly;
            case "all": return All;
        }
        var parts = text.Split(',');
        if (parts.Length != 5)
        {
            throw new FormatException($"dropout layout '{text}' is not none, inp, all or five rates r0,r1,r2,r3,r4 (input, conv1, conv2, full, output)");
        }
        var rates = new double[5];
        for (var i = 0; i < 5; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out rates[i]) || rates[i] < 0 || rates[i] >= 1)
            {
                throw new FormatException($"dropout rate '{parts[i]}' in '{text}' must be a number in [0, 1)");
            }
        }
        return new DropoutLayout(rates[0], rates[1], rates[2], rates[3], rates[4]);
    }

    public override string ToString() =>
        this == None ? "none" : this == InputOnly ? "inp" : this == All ? "all"
        : string.Join(",", Rates.Select(r => r.ToString(CultureInfo.InvariantCulture)));
}
