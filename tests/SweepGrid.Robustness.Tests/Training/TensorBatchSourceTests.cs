using SweepGrid.Robustness.Training;

namespace SweepGrid.Robustness.Tests.Training;

public class TensorBatchSourceTests
{
    // Image i is filled with the byte 10·i + 5 and labelled i % 10.
    private static (Tensor Images, Tensor Labels) Data(int count, bool withChannel = false)
    {
        var pixels = new byte[count * 784];
        for (var i = 0; i < count; i++)
        {
            pixels.AsSpan(i * 784, 784).Fill((byte)((10 * i) + 5));
        }
        var images = withChannel ? torch.tensor(pixels, [count, 1, 28, 28]) : torch.tensor(pixels, [count, 28, 28]);
        var labels = torch.tensor(Enumerable.Range(0, count).Select(i => (long)(i % 10)).ToArray(), [count]);
        return (images, labels);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Batch_gathers_images_as_floats_over_255_with_a_channel_axis_and_their_labels(bool withChannel)
    {
        var (images, labels) = Data(6, withChannel);
        using var _ = images;
        using var __ = labels;
        var source = new TensorBatchSource(images, labels);
        using var scope = torch.NewDisposeScope();

        var (x, y) = source.Batch(torch.tensor(new long[] { 4L, 0L, 4L }, [3]), torch.CPU);

        Assert.Equal(6, source.Count);
        Assert.Equal([3L, 1, 28, 28], x.shape);
        Assert.Equal(ScalarType.Float32, x.dtype);
        var values = x.data<float>().ToArray();
        Assert.Equal(45f / 255f, values[0]);
        Assert.Equal(5f / 255f, values[784]);
        Assert.Equal(45f / 255f, values[(2 * 784) + 783]);
        Assert.Equal([4L, 0L, 4L], y.data<long>().ToArray());
    }

    [Fact]
    public void Subset_maps_positions_onto_its_indices()
    {
        var (images, labels) = Data(8);
        using var _ = images;
        using var __ = labels;
        using var subset = torch.tensor(new long[] { 7L, 2L, 5L }, [3]);
        var source = new TensorBatchSource(images, labels, subset);
        using var scope = torch.NewDisposeScope();

        var (x, y) = source.Batch(torch.tensor(new long[] { 2L, 0L }, [2]), torch.CPU);

        Assert.Equal(3, source.Count);
        Assert.Equal([5L, 7L], y.data<long>().ToArray());
        Assert.Equal(55f / 255f, x.data<float>().ToArray()[0]);
        Assert.Equal(75f / 255f, x.data<float>().ToArray()[784]);
    }

    [Fact]
    public void Source_refuses_float_images_and_mismatched_label_counts()
    {
        var (images, labels) = Data(4);
        using var _ = images;
        using var __ = labels;
        using var floats = images.to(ScalarType.Float32);
        using var fewerLabels = labels.narrow(0, 0, 3);

        var dtype = Assert.Throws<ArgumentException>(() => new TensorBatchSource(floats, labels));
        var count = Assert.Throws<ArgumentException>(() => new TensorBatchSource(images, fewerLabels));

        Assert.Contains("images must be uint8", dtype.Message, StringComparison.Ordinal);
        Assert.Contains("4 images but 3 labels", count.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trainer_trains_from_a_tensor_batch_source()
    {
        using var data = new SyntheticDigitsSource(60, seed: 3);
        using var positions = torch.arange(0, 60);
        using var scope = torch.NewDisposeScope();
        var (images, labels) = data.Batch(positions, torch.CPU);
        var bytes = images.mul(255.0).round().to(ScalarType.Byte);
        var source = new TensorBatchSource(bytes, labels);
        var config = new TrainingConfig { Seed = 1, BatchSize = 20 };

        var (fromTensors, tensorWeights) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, config, source);
        var (_, subsetWeights) = SyntheticTraining.Train(SyntheticTraining.SmallMlp, config, data);

        Assert.Equal(TrainingStatus.Completed, fromTensors.Status);
        Assert.True(tensorWeights.AsSpan().SequenceEqual(subsetWeights), "the same pixels through a tensor source and a dataset subset should train identically");
    }
}
