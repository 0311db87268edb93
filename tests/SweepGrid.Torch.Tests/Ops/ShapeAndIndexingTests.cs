using SweepGrid.Torch.Tests.Support;

namespace SweepGrid.Torch.Tests.Ops;

public class ShapeAndIndexingTests
{
    [Fact]
    public void Argmax_returns_the_first_index_of_a_tied_maximum()
    {
        using var z = Tensor.From([0.1f, 0.7f, 0.7f, 0.9f, 0.2f, 0.9f], 2, 3);
        using var rows = z.Argmax(1);
        using var columns = z.Argmax(0, keepDim: true);
        Assert.Equal(ScalarType.Int64, rows.DType);
        Assert.Equal([1L, 0L], rows.ToArray<long>());
        Expect.Shape([1, 3], columns, "argmax with keepDim");
        Assert.Equal([1L, 0L, 1L], columns.ToArray<long>());
    }

    [Fact]
    public void Max_along_a_dimension_returns_values_and_indices()
    {
        using var z = Tensor.From([3f, 1f, 2f, 5f, 4f, 0f], 2, 3);
        var (values, indices) = z.Max(1);
        using (values)
        using (indices)
        {
            Assert.Equal([3f, 5f], values.ToArray<float>());
            Assert.Equal([0L, 0L], indices.ToArray<long>());
        }
    }

    [Fact]
    public void Index_select_picks_whole_rows_in_the_given_order()
    {
        using var x = Tensor.From([1f, 2f, 3f, 4f, 5f, 6f], 3, 2);
        using var index = Tensor.From([2L, 0L, 2L], 3);
        using var second = Tensor.From([1L], 1);
        using var rows = x.IndexSelect(0, index);
        using var columns = x.IndexSelect(1, second);
        Assert.Equal([5f, 6f, 1f, 2f, 5f, 6f], rows.ToArray<float>());
        Assert.Equal([2f, 4f, 6f], columns.ToArray<float>());
    }

    [Fact]
    public void Gather_picks_one_element_per_row_like_the_true_class_probability()
    {
        using var p = Tensor.From([0.1f, 0.2f, 0.7f, 0.5f, 0.4f, 0.1f], 2, 3);
        using var labels = Tensor.From([2L, 1L], 2, 1);
        using var picked = p.Gather(1, labels);
        Expect.Shape([2, 1], picked, "gather");
        Assert.Equal([0.7f, 0.4f], picked.ToArray<float>());
    }

    [Fact]
    public void Cat_joins_along_an_existing_dimension_and_stack_adds_one()
    {
        using var a = Tensor.From([1f, 2f], 1, 2);
        using var b = Tensor.From([3f, 4f, 5f, 6f], 2, 2);
        using var rows = Tensor.Cat([a, b]);
        Expect.Shape([3, 2], rows, "cat dim 0");
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], rows.ToArray<float>());

        using var c = Tensor.From([7f, 8f], 1, 2);
        using var columns = Tensor.Cat([a, c], dim: 1);
        Assert.Equal([1f, 2f, 7f, 8f], columns.ToArray<float>());

        using var stacked = Tensor.Stack([a, c]);
        using var stackedLast = Tensor.Stack([a, c], dim: 2);
        Expect.Shape([2, 1, 2], stacked, "stack dim 0");
        Expect.Shape([1, 2, 2], stackedLast, "stack dim 2");
        Assert.Equal([1f, 7f, 2f, 8f], stackedLast.ToArray<float>());
    }

    [Fact]
    public void Reshape_view_and_flatten_keep_row_major_order()
    {
        using var x = Tensor.Arange(0, 24, dtype: ScalarType.Float32);
        using var cube = x.Reshape(2, 3, 4);
        using var inferred = x.View(4, -1);
        using var batch = cube.Flatten(1);
        using var all = cube.Flatten();
        Expect.Shape([2, 3, 4], cube, "reshape");
        Expect.Shape([4, 6], inferred, "view with -1");
        Expect.Shape([2, 12], batch, "flatten from dim 1");
        Expect.Shape([24], all, "flatten everything");
        Assert.Equal(x.ToArray<float>(), batch.ToArray<float>());
    }

    [Fact]
    public void Transpose_and_permute_reorder_elements_when_read_back()
    {
        using var x = Tensor.From([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        using var t = x.Transpose(0, 1);
        Assert.False(t.IsContiguous, "a transposed view should not be contiguous");
        Assert.Equal([1f, 4f, 2f, 5f, 3f, 6f], t.ToArray<float>());
        using var nchw = Tensor.Arange(0, 6, dtype: ScalarType.Float32);
        using var image = nchw.Reshape(1, 2, 3, 1);
        using var nhwc = image.Permute(0, 2, 3, 1);
        using var contiguous = nhwc.Contiguous();
        Expect.Shape([1, 3, 1, 2], contiguous, "permute");
        Assert.Equal([0f, 3f, 1f, 4f, 2f, 5f], contiguous.ToArray<float>());
    }

    [Fact]
    public void Unsqueeze_squeeze_and_expand_change_only_the_shape()
    {
        using var v = Tensor.From([1f, 2f], 2);
        using var column = v.Unsqueeze(1);
        using var wide = column.Expand(2, 3);
        using var back = column.Squeeze(1);
        Expect.Shape([2, 1], column, "unsqueeze");
        Assert.Equal([1f, 1f, 1f, 2f, 2f, 2f], wide.ToArray<float>());
        Assert.Equal([1f, 2f], back.ToArray<float>());
    }

    [Fact]
    public void Narrow_select_and_masked_select_pick_slices()
    {
        using var x = Tensor.From([1f, 2f, 3f, 4f, 5f, 6f], 3, 2);
        using var middle = x.Narrow(0, 1, 2);
        using var secondColumn = x.Select(1, 1);
        using var mask = x.Gt(3.5);
        using var large = x.MaskedSelect(mask);
        Assert.Equal([3f, 4f, 5f, 6f], middle.ToArray<float>());
        Assert.Equal([2f, 4f, 6f], secondColumn.ToArray<float>());
        Assert.Equal([4f, 5f, 6f], large.ToArray<float>());
    }

    [Fact]
    public void One_hot_marks_each_label()
    {
        using var labels = Tensor.From([2L, 0L], 2);
        using var oneHot = labels.OneHot(3);
        Assert.Equal([0L, 0L, 1L, 1L, 0L, 0L], oneHot.ToArray<long>());
    }

    [Fact]
    public void Index_copy_writes_rows_in_place()
    {
        using var x = Tensor.Zeros([3, 2]);
        using var index = Tensor.From([2L, 0L], 2);
        using var rows = Tensor.From([1f, 2f, 3f, 4f], 2, 2);
        x.IndexCopy_(index, rows);
        Assert.Equal([3f, 4f, 0f, 0f, 1f, 2f], x.ToArray<float>());
    }
}
