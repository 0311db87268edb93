namespace SweepGrid.Robustness.Datasets;

/// <summary>
/// Seeded permutations for splits and subsets, computed in managed code with <see cref="SplitMix64"/> and
/// a Fisher–Yates shuffle. libtorch's randperm is not used on purpose: its algorithm has changed between
/// releases, and a validation split must be the same set of images on a CPU node (libtorch 1.13) and a
/// GPU node (libtorch 2.x), or the same trial would give different results depending on where it ran.
/// </summary>
internal static class SeededPermutation
{
    /// <summary>A permutation of 0 … n−1 that depends only on <paramref name="n"/> and <paramref name="seed"/>.</summary>
    public static long[] Create(long n, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var result = new long[n];
        for (long i = 0; i < n; i++)
        {
            result[i] = i;
        }
        var random = new SplitMix64(seed);
        for (var i = n - 1; i > 0; i--)
        {
            var j = (long)random.NextBelow((ulong)i + 1);
            (result[i], result[j]) = (result[j], result[i]);
        }
        return result;
    }
}
