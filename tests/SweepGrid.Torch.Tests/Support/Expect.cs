namespace SweepGrid.Torch.Tests.Support;

/// <summary>Element-wise comparisons whose failure messages name the quantity, the index and both values.</summary>
internal static class Expect
{
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} elements, got {actual.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            var difference = Math.Abs(expected[i] - actual[i]);
            Assert.True(difference <= tolerance || (double.IsNaN(expected[i]) && double.IsNaN(actual[i])),
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (|difference| {difference:G3} > {tolerance:G3})");
        }
    }

    public static void Close(IReadOnlyList<float> expected, IReadOnlyList<float> actual, double tolerance, string what) =>
        Close(expected.Select(v => (double)v).ToArray(), actual.Select(v => (double)v).ToArray(), tolerance, what);

    public static void Close(double expected, double actual, double tolerance, string what) =>
        Close([expected], [actual], tolerance, what);

    /// <summary>Reads a float32 or float64 tensor as doubles.</summary>
    public static double[] Values(Tensor tensor) => tensor.DType switch
    {
        ScalarType.Float64 => tensor.ToArray<double>(),
        ScalarType.Float32 => tensor.ToArray<float>().Select(v => (double)v).ToArray(),
        _ => throw new ArgumentException($"expected a floating-point tensor, got {tensor.DType}", nameof(tensor)),
    };

    public static void Shape(long[] expected, Tensor tensor, string what) =>
        Assert.True(expected.SequenceEqual(tensor.Shape),
            $"{what}: expected shape [{string.Join(", ", expected)}], got [{string.Join(", ", tensor.Shape)}]");
}
