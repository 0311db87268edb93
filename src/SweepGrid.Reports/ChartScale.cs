namespace SweepGrid.Reports;

/// <summary>
/// Maps data values to pixels along one chart axis and chooses its ticks: powers of two on a log₂
/// scale (labelled <c>1/64</c> … <c>16</c>), otherwise 1-2-5 steps. Tick values are computed from an
/// integer index times the step, so labels carry no accumulated rounding noise.
/// </summary>
internal sealed class ChartScale
{
    private readonly double low;
    private readonly double high;
    private readonly double pixelLow;
    private readonly double pixelHigh;

    private ChartScale(bool log, double low, double high, IReadOnlyList<(double Value, string Label)> ticks, double pixelLow, double pixelHigh)
    {
        IsLog = log;
        this.low = log ? Math.Log2(low) : low;
        this.high = log ? Math.Log2(high) : high;
        Ticks = ticks;
        this.pixelLow = pixelLow;
        this.pixelHigh = pixelHigh;
    }

    public bool IsLog { get; }

    public IReadOnlyList<(double Value, string Label)> Ticks { get; }

    public static ChartScale Log2(double min, double max, double pixelLow, double pixelHigh)
    {
        var lo = (int)Math.Floor(Math.Log2(min));
        var hi = (int)Math.Ceiling(Math.Log2(max));
        if (hi == lo)
        {
            hi++;
        }

        var step = Math.Max(1, (int)Math.Ceiling((hi - lo) / 10.0));
        var ticks = new List<(double, string)>();
        for (var k = lo; k <= hi; k += step)
        {
            var value = Math.Pow(2, k);
            ticks.Add((value, ValueFormat.FormatAxisValue(ValueFormat.FormatShortest(value))));
        }

        return new ChartScale(true, Math.Pow(2, lo), Math.Pow(2, hi), ticks, pixelLow, pixelHigh);
    }

    public static ChartScale Linear(double min, double max, double pixelLow, double pixelHigh)
    {
        if (max - min < 1e-12 * Math.Max(1, Math.Abs(max)))
        {
            var pad = min == 0 ? 0.5 : Math.Abs(min) * 0.1;
            min -= pad;
            max += pad;
        }

        var step = NiceStep((max - min) / 5);
        var first = (long)Math.Floor(min / step);
        var last = (long)Math.Ceiling(max / step);
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        var ticks = new List<(double, string)>();
        for (var i = first; i <= last; i++)
        {
            var value = i * step;
            ticks.Add((value, ValueFormat.FormatMeasurement(value, decimals)));
        }

        return new ChartScale(false, first * step, last * step, ticks, pixelLow, pixelHigh);
    }

    public double ToPixel(double value)
    {
        var v = IsLog ? Math.Log2(value) : value;
        return pixelLow + ((v - low) / (high - low) * (pixelHigh - pixelLow));
    }

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
