namespace SweepGrid.Robustness.Metrics;

/// <summary>
/// The linear / nonlinear / saturated regimes of the logistic sigmoid with temperature,
/// f(net) = 1 / (1 + exp(−net/T)) (seed 003 §3.1, definitions.md):
/// linear |net| ≤ r1, saturated |net| ≥ r2, nonlinear in between.
/// <list type="bullet">
/// <item>r1(T): the smallest net &gt; 0 whose point (net, f(net)) lies at Euclidean distance δ1 from the
/// tangent at 0, y = ½ + net/(4T): (½ + net/(4T) − f(net)) / sqrt(1 + 1/(16T²)) = δ1.</item>
/// <item>r2(T): the net where the slope f′(net) = f(1 − f)/T has fallen to δ2:
/// r2 = 2T·artanh(sqrt(1 − 4δ2T)), defined for 4δ2T &lt; 1 (T &lt; 500 with δ2 = 0.0005).</item>
/// </list>
/// </summary>
public static class ActivationRegimes
{
    /// <summary>δ1 of seed 003: the largest distance from the tangent that still counts as linear.</summary>
    public const double DefaultLinearDistance = 0.05;

    /// <summary>δ2 of seed 003: the slope below which the sigmoid counts as saturated.</summary>
    public const double DefaultSaturationSlope = 0.0005;

    /// <summary>r1(T), by bisection in double to the last representable digit.</summary>
    public static double LinearBound(double temperature, double linearDistance = DefaultLinearDistance)
    {
        CalibrationMetrics.RequirePositiveTemperature(temperature);
        if (!(linearDistance > 0.0) || double.IsPositiveInfinity(linearDistance))
        {
            throw new ArgumentOutOfRangeException(nameof(linearDistance), linearDistance, "δ1 must be a finite number > 0");
        }
        // With u = net/T the numerator ½ + u/4 − σ(u) depends on u only and increases strictly for
        // u > 0 (σ′ ≤ ¼), so the crossing of the constant c below is unique. Since σ(u) − ½ < ½, the
        // numerator exceeds u/4 − ½, which bounds the root by 4c + 2.
        var c = linearDistance * Math.Sqrt(1.0 + (1.0 / (16.0 * temperature * temperature)));
        double lo = 0.0, hi = (4.0 * c) + 2.0;
        while (true)
        {
            var mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi)
            {
                break;
            }
            if (DistanceNumerator(mid) < c)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return temperature * hi;
    }

    /// <summary>r2(T) = 2T·artanh(sqrt(1 − 4δ2T)).</summary>
    /// <exception cref="ArgumentOutOfRangeException">4δ2T ≥ 1 (T ≥ 500 for δ2 = 0.0005): the slope never falls to δ2 there.</exception>
    public static double SaturationBound(double temperature, double saturationSlope = DefaultSaturationSlope)
    {
        CalibrationMetrics.RequirePositiveTemperature(temperature);
        if (!(saturationSlope > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(saturationSlope), saturationSlope, "δ2 must be > 0");
        }
        var discriminant = 1.0 - (4.0 * saturationSlope * temperature);
        if (!(discriminant > 0.0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(temperature), temperature, $"r2 needs 4·δ2·T < 1 (T < {1.0 / (4.0 * saturationSlope)} for δ2 = {saturationSlope}); the sigmoid's slope never reaches δ2 at this temperature");
        }
        return 2.0 * temperature * Math.Atanh(Math.Sqrt(discriminant));
    }

    /// <summary>
    /// The fractions of <paramref name="netInputs"/> (e.g. every pre-activation of the last hidden
    /// layer over a data set) in each regime; they sum to 1.
    /// </summary>
    /// <exception cref="ArgumentException">r1 ≥ r2 at this temperature, so the regimes overlap.</exception>
    public static RegimeFractions Fractions(
        ReadOnlySpan<float> netInputs,
        double temperature,
        double linearDistance = DefaultLinearDistance,
        double saturationSlope = DefaultSaturationSlope)
    {
        if (netInputs.IsEmpty)
        {
            throw new ArgumentException("regime fractions of zero net inputs are undefined", nameof(netInputs));
        }
        var r1 = LinearBound(temperature, linearDistance);
        var r2 = SaturationBound(temperature, saturationSlope);
        if (!(r1 < r2))
        {
            throw new ArgumentException($"at T = {temperature} the linear bound r1 = {r1} is not below the saturation bound r2 = {r2}; the regimes overlap");
        }
        long linear = 0, saturated = 0;
        for (var i = 0; i < netInputs.Length; i++)
        {
            var magnitude = Math.Abs((double)netInputs[i]);
            if (double.IsNaN(magnitude))
            {
                throw new ArgumentException($"net input {i} is NaN", nameof(netInputs));
            }
            if (magnitude <= r1)
            {
                linear++;
            }
            else if (magnitude >= r2)
            {
                saturated++;
            }
        }
        double n = netInputs.Length;
        return new RegimeFractions(linear / n, (netInputs.Length - linear - saturated) / n, saturated / n);
    }

    /// <summary>½ + u/4 − σ(u): the vertical gap between the tangent at 0 and the sigmoid, in units of u = net/T.</summary>
    private static double DistanceNumerator(double u) => 0.5 + (0.25 * u) - (1.0 / (1.0 + Math.Exp(-u)));
}
