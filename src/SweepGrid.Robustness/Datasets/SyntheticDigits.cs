namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// A stand-in for MNIST that needs no files: 28×28 uint8 images of ten classes, each class a
/// seven-segment-style glyph (1 is a centre bar, 7 has a diagonal) drawn with anti-aliased strokes of
/// random width, at a random offset and scale, with Gaussian pixel noise. A small model learns it in a
/// few steps, which is all that tests of training, attacks and metrics need.
/// </summary>
/// <remarks>Deterministic: the same count and seed give the same bytes on every machine.</remarks>
public static class SyntheticDigits
{
    public const int Side = 28;

    // Glyph corners in a unit box (y downwards) and the strokes of each class between them.
    private static readonly (double X, double Y) TopLeft = (0, 0), TopRight = (1, 0), MidLeft = (0, 0.5),
        MidRight = (1, 0.5), BottomLeft = (0, 1), BottomRight = (1, 1), TopCentre = (0.5, 0), BottomCentre = (0.5, 1);

    private static readonly ((double X, double Y) From, (double X, double Y) To) Top = (TopLeft, TopRight),
        UpperRight = (TopRight, MidRight), LowerRight = (MidRight, BottomRight), Bottom = (BottomLeft, BottomRight),
        LowerLeft = (MidLeft, BottomLeft), UpperLeft = (TopLeft, MidLeft), Middle = (MidLeft, MidRight);

    private static readonly ((double X, double Y) From, (double X, double Y) To)[][] Glyphs =
    [
        [Top, UpperRight, LowerRight, Bottom, LowerLeft, UpperLeft],
        [(TopCentre, BottomCentre)],
        [Top, UpperRight, Middle, LowerLeft, Bottom],
        [Top, UpperRight, Middle, LowerRight, Bottom],
        [UpperLeft, Middle, UpperRight, LowerRight],
        [Top, UpperLeft, Middle, LowerRight, Bottom],
        [Top, UpperLeft, Middle, LowerLeft, LowerRight, Bottom],
        [Top, (TopRight, BottomLeft)],
        [Top, UpperRight, LowerRight, Bottom, LowerLeft, UpperLeft, Middle],
        [Top, UpperRight, UpperLeft, Middle, LowerRight, Bottom],
    ];

    /// <summary>Generates <paramref name="count"/> images with balanced, shuffled labels 0 … 9. The caller owns (disposes) the dataset.</summary>
    public static ImageDataset Generate(int count, ulong seed, string name = "synthetic-digits")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var labels = new byte[count];
        var order = SeededPermutation.Create(count, seed);
        for (var i = 0; i < count; i++)
        {
            labels[i] = (byte)(order[i] % Glyphs.Length);
        }
        var pixels = new byte[count * Side * Side];
        var random = new SplitMix64(seed ^ 0xD1B54A32D192ED03UL);
        for (var i = 0; i < count; i++)
        {
            Draw(Glyphs[labels[i]], random, pixels.AsSpan(i * Side * Side, Side * Side));
        }
        return ImageDataset.FromPixels(name, pixels, labels, Side, Side);
    }

    private static void Draw(((double X, double Y) From, (double X, double Y) To)[] strokes, SplitMix64 random, Span<byte> image)
    {
        // Glyph box about 10×16 px around the centre, as MNIST digits sit in a 20×20 box.
        var width = random.NextDouble(9, 11);
        var height = random.NextDouble(15, 17);
        var left = (Side / 2.0) - (width / 2) + random.NextDouble(-1, 1);
        var top = (Side / 2.0) - (height / 2) + random.NextDouble(-1, 1);
        var halfStroke = random.NextDouble(0.9, 1.6);
        var ink = random.NextDouble(0.75, 1.0);
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                var distance = double.MaxValue;
                foreach (var (from, to) in strokes)
                {
                    distance = Math.Min(distance, DistanceToSegment(x + 0.5, y + 0.5,
                        left + (from.X * width), top + (from.Y * height), left + (to.X * width), top + (to.Y * height)));
                }
                var coverage = Math.Clamp(halfStroke + 0.5 - distance, 0, 1);
                var value = (255 * ink * coverage) + (12 * random.NextGaussian());
                image[(y * Side) + x] = (byte)Math.Clamp(Math.Round(value), 0, 255);
            }
        }
    }

    private static double DistanceToSegment(double px, double py, double ax, double ay, double bx, double by)
    {
        var (dx, dy) = (bx - ax, by - ay);
        var t = Math.Clamp((((px - ax) * dx) + ((py - ay) * dy)) / ((dx * dx) + (dy * dy)), 0, 1);
        var (cx, cy) = (ax + (t * dx) - px, ay + (t * dy) - py);
        return Math.Sqrt((cx * cx) + (cy * cy));
    }
}
