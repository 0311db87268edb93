using System.Buffers.Binary;
using System.Text;
using SweepGrid.Torch.Nn;

namespace SweepGrid.Torch.Tests.Archive;

public class ParameterArchiveTests
{
    private static Sequential Model(ulong seed)
    {
        using var g = new Generator(seed);
        return new Sequential(new Linear(5, 4, generator: g), new BatchNorm1d(4), new ReLU(), new Linear(4, 3, generator: g));
    }

    private static float[] EvalOutput(Module model, Tensor x)
    {
        model.Eval();
        using var noGrad = Autograd.NoGrad();
        using var y = model.Forward(x);
        return y.ToArray<float>();
    }

    [Fact]
    public void Save_then_load_into_a_fresh_model_reproduces_its_outputs_exactly()
    {
        using var g = new Generator(3);
        using var x = Random.Randn([6, 5], g);
        using var trained = Model(1);
        // One training-mode pass moves the batch-norm running statistics away from their initial values.
        trained.Forward(x).Dispose();
        var archive = ParameterArchive.Save(trained);

        using var fresh = Model(2);
        Assert.NotEqual(EvalOutput(trained, x), EvalOutput(fresh, x));
        ParameterArchive.LoadInto(fresh, archive);
        Assert.Equal(EvalOutput(trained, x), EvalOutput(fresh, x));
        using var batches = ((BatchNorm1d)fresh[1]).BatchesTracked;
        Assert.Equal(1L, batches.ItemInt64());
    }

    [Fact]
    public void Load_returns_every_entry_with_name_type_shape_and_values()
    {
        using var weights = Tensor.From([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        using var counter = Tensor.Scalar(7, ScalarType.Int64);
        using var mask = Tensor.From([true, false], 2);
        var loaded = ParameterArchive.Load(ParameterArchive.Save([("layer.weight", weights), ("steps", counter), ("mask", mask)]));
        try
        {
            Assert.Equal(["layer.weight", "steps", "mask"], loaded.Select(e => e.Name));
            Assert.Equal([2L, 3L], loaded[0].Tensor.Shape);
            Assert.Equal(weights.ToArray<float>(), loaded[0].Tensor.ToArray<float>());
            Assert.Equal(ScalarType.Int64, loaded[1].Tensor.DType);
            Assert.Empty(loaded[1].Tensor.Shape);
            Assert.Equal(7L, loaded[1].Tensor.ItemInt64());
            Assert.Equal([true, false], loaded[2].Tensor.ToArray<bool>());
        }
        finally
        {
            loaded.ForEach(e => e.Tensor.Dispose());
        }
    }

    [Fact]
    public void The_header_is_sgpt_then_version_one_then_the_entry_count_little_endian()
    {
        using var model = Model(1);
        var archive = ParameterArchive.Save(model);
        Assert.Equal("SGPT", Encoding.ASCII.GetString(archive, 0, 4));
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(archive.AsSpan(4)));
        Assert.Equal((uint)model.StateDict().Count(), BinaryPrimitives.ReadUInt32LittleEndian(archive.AsSpan(8)));
    }

    [Fact]
    public void An_entry_is_laid_out_exactly_as_documented()
    {
        using var t = Tensor.From([1.5f, -2f], 1, 2);
        var archive = ParameterArchive.Save([("w", t)]);
        byte[] expected =
        [
            .. "SGPT"u8, 1, 0, 0, 0, 1, 0, 0, 0,
            1, 0, (byte)'w',                 // u16 name length, UTF-8 name
            6, 2,                            // dtype float32 (c10 code 6), rank 2
            1, 0, 0, 0, 0, 0, 0, 0,          // dim 0 = 1
            2, 0, 0, 0, 0, 0, 0, 0,          // dim 1 = 2
            8, 0, 0, 0, 0, 0, 0, 0,          // 8 data bytes
            .. BitConverter.GetBytes(1.5f), .. BitConverter.GetBytes(-2f),
        ];
        Assert.Equal(expected, archive);
    }

    [Fact]
    public void A_buffer_without_the_magic_is_rejected()
    {
        var archive = ParameterArchive.Save([]);
        archive[0] = (byte)'X';
        var error = Assert.Throws<InvalidDataException>(() => ParameterArchive.Load(archive));
        Assert.Contains("SGPT", error.Message);
    }

    [Fact]
    public void An_unknown_version_is_rejected_with_both_versions_named()
    {
        var archive = ParameterArchive.Save([]);
        archive[4] = 2;
        var error = Assert.Throws<InvalidDataException>(() => ParameterArchive.Load(archive));
        Assert.Contains("version 2", error.Message);
        Assert.Contains("expected 1", error.Message);
    }

    [Fact]
    public void Every_truncation_of_a_valid_archive_is_rejected_as_invalid_data()
    {
        using var model = Model(1);
        var archive = ParameterArchive.Save(model);
        for (var length = 0; length < archive.Length; length += 7)
        {
            var cut = archive[..length];
            Assert.Throws<InvalidDataException>(() => ParameterArchive.Load(cut));
        }
    }

    [Fact]
    public void A_truncation_inside_a_tensor_names_that_parameter()
    {
        using var model = Model(1);
        var archive = ParameterArchive.Save(model);
        var last = model.StateDict().Last().Name;
        var error = Assert.Throws<InvalidDataException>(() => ParameterArchive.Load(archive.AsSpan(0, archive.Length - 3)));
        Assert.StartsWith($"parameter '{last}': ", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void A_garbled_element_type_is_rejected_naming_the_parameter()
    {
        using var t = Tensor.From([1f, 2f], 2);
        var archive = ParameterArchive.Save([("layer.weight", t)]);
        var dtypeOffset = 12 + 2 + "layer.weight".Length;
        archive[dtypeOffset] = 200;
        var error = Assert.Throws<InvalidDataException>(() => ParameterArchive.Load(archive));
        Assert.Contains("'layer.weight'", error.Message);
    }

    [Fact]
    public void A_data_length_that_disagrees_with_the_shape_is_rejected_naming_the_parameter()
    {
        using var t = Tensor.From([1f, 2f], 2);
        var archive = ParameterArchive.Save([("w", t)]);
        var dimOffset = 12 + 2 + 1 + 2;
        archive[dimOffset] = 3;
        var error = Assert.Throws<InvalidDataException>(() => ParameterArchive.Load(archive));
        Assert.Contains("parameter 'w'", error.Message);
        Assert.Contains("expected 12", error.Message);
    }

    [Fact]
    public void Loading_into_a_model_with_other_parameter_names_lists_the_missing_and_unexpected_ones()
    {
        using var source = new Sequential(new Linear(5, 4));
        using var target = new Sequential(new Identity(), new Linear(5, 4));
        var error = Assert.Throws<InvalidDataException>(() => ParameterArchive.LoadInto(target, ParameterArchive.Save(source)));
        Assert.Contains("missing [1.weight, 1.bias]", error.Message);
        Assert.Contains("unexpected [0.weight, 0.bias]", error.Message);
    }

    [Fact]
    public void Loading_into_a_model_with_other_shapes_names_the_parameter_and_copies_nothing()
    {
        using var g = new Generator(5);
        using var source = new Sequential(new Linear(5, 4, generator: g), new Linear(4, 3, generator: g));
        using var target = new Sequential(new Linear(5, 4, generator: g), new Linear(4, 2, generator: g));
        var before = target.Parameters().Select(p => p.ToArray<float>()).ToList();
        var error = Assert.Throws<InvalidDataException>(() => ParameterArchive.LoadInto(target, ParameterArchive.Save(source)));
        Assert.Contains("parameter '1.weight' has shape [3, 4] in the archive but [2, 4] in the model", error.Message);
        Assert.Equal(before, target.Parameters().Select(p => p.ToArray<float>()).ToList());
    }
}
