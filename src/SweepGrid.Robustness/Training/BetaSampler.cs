namespace SweepGrid.Robustness.Training;

/// <summary>
/// Draws λ ~ Beta(α, α) for MixUp from a seeded managed generator (one draw per mini-batch, so libtorch's
/// generator stream is not disturbed). Gamma variates by Marsaglia and Tsang (2000).
/// </summary>
internal sealed class BetaSampler(ulong seed)
{
    private readonly System.Random random = new(unchecked((int)(seed ^ (seed >> 32))));

    public double Next(double alpha)
    {
        if (alpha <= 0)
        {
            return 1.0;
        }
        var x = Gamma(alpha);
        var y = Gamma(alpha);
        return x / (x + y);
    }

    private double Gamma(double shape)
    {
        if (shape < 1)
        {
            // Boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
            return Gamma(shape + 1) * Math.Pow(Uniform(), 1.0 / shape);
        }
        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + (c * x);
            }
            while (v <= 0);
            v = v * v * v;
            var u = Uniform();
            if (Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    private double Uniform() => 1.0 - random.NextDouble(); // (0, 1]

    private double Normal() => Math.Sqrt(-2 * Math.Log(Uniform())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
