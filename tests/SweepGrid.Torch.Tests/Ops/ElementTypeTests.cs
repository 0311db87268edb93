namespace SweepGrid.Torch.Tests.Ops;

public class ElementTypeTests
{
    [Fact]
    public void Factories_create_the_requested_type_and_values()
    {
        using var zeros = Tensor.Zeros([2, 2], ScalarType.Int64);
        using var ones = Tensor.Ones([3], ScalarType.Float64);
        using var full = Tensor.Full([2], 0.5);
        using var range = Tensor.Arange(1, 7, 2);
        Assert.Equal(ScalarType.Int64, zeros.DType);
        Assert.Equal([0L, 0L, 0L, 0L], zeros.ToArray<long>());
        Assert.Equal([1.0, 1.0, 1.0], ones.ToArray<double>());
        Assert.Equal(ScalarType.Float32, full.DType);
        Assert.Equal([0.5f, 0.5f], full.ToArray<float>());
        Assert.Equal([1L, 3L, 5L], range.ToArray<long>());
    }

    [Fact]
    public void Float_to_int64_truncates_toward_zero()
    {
        using var x = Tensor.From([2.7f, -2.7f, 0.4f], 3);
        using var i = x.To(ScalarType.Int64);
        Assert.Equal(ScalarType.Int64, i.DType);
        Assert.Equal([2L, -2L, 0L], i.ToArray<long>());
    }

    [Fact]
    public void Float_to_bool_is_true_for_every_non_zero_value()
    {
        using var x = Tensor.From([0f, -0.5f, 3f], 3);
        using var b = x.To(ScalarType.Bool);
        using var back = b.To(ScalarType.Float32);
        Assert.Equal([false, true, true], b.ToArray<bool>());
        Assert.Equal([0f, 1f, 1f], back.ToArray<float>());
    }

    [Fact]
    public void Uint8_pixels_convert_to_float_and_back()
    {
        using var pixels = Tensor.From(new byte[] { 0, 128, 255 }, 3);
        using var asFloat = pixels.To(ScalarType.Float32);
        using var scaled = asFloat / 255.0;
        using var restored = asFloat.To(ScalarType.UInt8);
        Assert.Equal(ScalarType.UInt8, pixels.DType);
        Assert.Equal([0f, 128f, 255f], asFloat.ToArray<float>());
        Assert.Equal([0f, 128f / 255f, 1f], scaled.ToArray<float>());
        Assert.Equal(new byte[] { 0, 128, 255 }, restored.ToArray<byte>());
    }

    [Fact]
    public void Float32_widens_to_float64_exactly_and_narrows_with_rounding()
    {
        using var single = Tensor.From([0.1f, 1e-8f], 2);
        using var wide = single.To(ScalarType.Float64);
        using var precise = Tensor.From([0.1, 1.0 + 1e-12], 2);
        using var narrow = precise.To(ScalarType.Float32);
        Assert.Equal([(double)0.1f, (double)1e-8f], wide.ToArray<double>());
        Assert.Equal([0.1f, 1f], narrow.ToArray<float>());
    }

    [Fact]
    public void Int64_converts_to_float64_and_back()
    {
        using var labels = Tensor.From([-3L, 0L, 9L], 3);
        using var asDouble = labels.To(ScalarType.Float64);
        using var back = asDouble.To(ScalarType.Int64);
        Assert.Equal([-3.0, 0.0, 9.0], asDouble.ToArray<double>());
        Assert.Equal([-3L, 0L, 9L], back.ToArray<long>());
    }

    [Fact]
    public void To_array_round_trips_every_supported_element_type()
    {
        float[] f = [1.5f, float.NegativeInfinity, float.Epsilon];
        double[] d = [Math.PI, -0.0, double.MaxValue];
        long[] l = [long.MinValue, 0, long.MaxValue];
        int[] i = [int.MinValue, 7, int.MaxValue];
        byte[] u = [0, 1, 255];
        bool[] b = [true, false, true];
        using var tf = Tensor.From(f, 3);
        using var td = Tensor.From(d, 3);
        using var tl = Tensor.From(l, 3);
        using var ti = Tensor.From(i, 3);
        using var tu = Tensor.From(u, 3);
        using var tb = Tensor.From(b, 3);
        Assert.Equal(f, tf.ToArray<float>());
        Assert.Equal(d, td.ToArray<double>());
        Assert.Equal(l, tl.ToArray<long>());
        Assert.Equal(i, ti.ToArray<int>());
        Assert.Equal(u, tu.ToArray<byte>());
        Assert.Equal(b, tb.ToArray<bool>());
        Assert.Equal([ScalarType.Float32, ScalarType.Float64, ScalarType.Int64, ScalarType.Int32, ScalarType.UInt8, ScalarType.Bool],
            [tf.DType, td.DType, tl.DType, ti.DType, tu.DType, tb.DType]);
    }

    [Fact]
    public void From_copies_so_later_changes_to_the_array_are_not_seen()
    {
        float[] data = [1f, 2f];
        using var t = Tensor.From(data, 2);
        data[0] = 99f;
        Assert.Equal([1f, 2f], t.ToArray<float>());
    }

    [Fact]
    public void To_array_of_the_wrong_type_says_which_type_the_tensor_holds()
    {
        using var t = Tensor.Zeros([2]);
        var error = Assert.Throws<InvalidOperationException>(() => t.ToArray<double>());
        Assert.Contains("Float32", error.Message);
    }

    [Fact]
    public void From_rejects_a_shape_that_does_not_match_the_element_count()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.From([1f, 2f, 3f], 2, 2));
        Assert.Contains("needs 4 elements but 3 were given", error.Message);
    }
}
