using SweepGrid.Torch.Tests.Support;

namespace SweepGrid.Torch.Tests.Ops;

public class ReductionTests
{
    private static Tensor Matrix() => Tensor.From([1.0, 2.0, 3.0, 4.0, 5.0, 9.0], 2, 3);

    [Fact]
    public void Sum_and_mean_reduce_everything_or_the_given_dimensions()
    {
        using var x = Matrix();
        using var total = x.Sum();
        using var columns = x.Sum(0);
        using var rows = x.Sum(1, keepDim: true);
        using var mean = x.Mean();
        using var rowMeans = x.Mean(1);
        Assert.Equal(24.0, total.Item());
        Assert.Equal([5.0, 7.0, 12.0], columns.ToArray<double>());
        Expect.Shape([2, 1], rows, "sum with keepDim");
        Assert.Equal([6.0, 18.0], rows.ToArray<double>());
        Assert.Equal(4.0, mean.Item());
        Assert.Equal([2.0, 6.0], rowMeans.ToArray<double>());
    }

    [Fact]
    public void Variance_is_unbiased_by_default_and_biased_on_request()
    {
        using var x = Tensor.From([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0], 8);
        using var unbiased = x.Var();
        using var biased = x.Var(unbiased: false);
        Expect.Close(32.0 / 7, unbiased.Item(), 1e-14, "unbiased variance");
        Expect.Close(4.0, biased.Item(), 1e-14, "biased variance");
    }

    [Fact]
    public void Max_min_and_norm_summarise_all_elements()
    {
        using var x = Tensor.From([3.0, -4.0, 0.0], 3);
        using var max = x.Max();
        using var min = x.Min();
        using var l2 = x.Norm();
        using var l1 = x.Norm(1);
        Assert.Equal(3.0, max.Item());
        Assert.Equal(-4.0, min.Item());
        Assert.Equal(5.0, l2.Item());
        Assert.Equal(7.0, l1.Item());
    }

    [Fact]
    public void Cumsum_accumulates_along_the_dimension()
    {
        using var x = Matrix();
        using var along = x.Cumsum(1);
        Assert.Equal([1.0, 3.0, 6.0, 4.0, 9.0, 18.0], along.ToArray<double>());
    }

    [Fact]
    public void Stable_sort_keeps_tied_elements_in_index_order()
    {
        using var x = Tensor.From([0.5f, 0.2f, 0.5f, 0.1f], 4);
        var (ascending, order) = x.Sort();
        using (ascending)
        using (order)
        {
            Assert.Equal([0.1f, 0.2f, 0.5f, 0.5f], ascending.ToArray<float>());
            Assert.Equal([3L, 1L, 0L, 2L], order.ToArray<long>());
        }
        var (descending, descendingOrder) = x.Sort(descending: true);
        using (descending)
        using (descendingOrder)
        {
            Assert.Equal([0L, 2L, 1L, 3L], descendingOrder.ToArray<long>());
        }
    }

    [Fact]
    public void Top_k_indices_name_the_largest_or_smallest_elements()
    {
        using var g = Tensor.From([0.3f, -0.9f, 0.1f, 0.8f], 4);
        using var magnitude = g.Abs();
        using var largest = magnitude.TopKIndices(2);
        using var smallest = magnitude.TopKIndices(1, largest: false);
        Assert.Equal([1L, 3L], largest.ToArray<long>());
        Assert.Equal([2L], smallest.ToArray<long>());
    }

    [Fact]
    public void Item_reads_scalars_as_double_or_int64()
    {
        using var f = Tensor.Scalar(2.5);
        using var i = Tensor.Scalar(-1, ScalarType.Int64);
        using var big = Tensor.Scalar(1L << 40, ScalarType.Int64);
        Assert.Equal(2.5, f.Item());
        Assert.Equal(-1L, i.ItemInt64());
        Assert.Equal(1L << 40, big.ItemInt64());
    }
}
