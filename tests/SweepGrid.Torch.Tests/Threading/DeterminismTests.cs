using SweepGrid.Torch.Nn;
using SweepGrid.Torch.Optim;

namespace SweepGrid.Torch.Tests.Threading;

/// <summary>
/// Trainings that own their generators are reproducible whether they run alone or side by side:
/// the property concurrent slots of a sweep rely on.
/// </summary>
public class DeterminismTests
{
    /// <summary>A small seeded training (init, data, dropout masks all from one generator); returns every parameter value.</summary>
    private static float[] Train(ulong seed)
    {
        using var g = new Generator(seed);
        using var model = new Sequential(new Linear(10, 32, generator: g), new ReLU(), new Dropout(0.3, g), new Linear(32, 4, generator: g));
        using var adam = new Adam(model.Parameters(), lr: 1e-2);
        using var x = Random.Randn([64, 10], g);
        using var y = Random.Randint(0, 4, [64], g);
        for (var step = 0; step < 60; step++)
        {
            using var scope = DisposeScope.Begin();
            using var permutation = Random.Randperm(64, g);
            var batchX = x.IndexSelect(0, permutation).Narrow(0, 0, 16);
            var batchY = y.IndexSelect(0, permutation).Narrow(0, 0, 16);
            var loss = Functional.CrossEntropy(model.Forward(batchX), batchY);
            adam.ZeroGrad();
            loss.Backward();
            adam.Step();
        }
        return model.Parameters().SelectMany(p => p.ToArray<float>()).ToArray();
    }

    [Fact]
    public void Two_trainings_on_parallel_threads_equal_the_same_trainings_run_one_after_the_other()
    {
        var sequential = new[] { Train(101), Train(202) };

        var parallel = new float[2][];
        using var start = new Barrier(2);
        ulong[] seeds = [101, 202];
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            parallel[i] = Train(seeds[i]);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        for (var i = 0; i < 2; i++)
        {
            var alone = sequential[i];
            var together = parallel[i];
            var mismatch = Enumerable.Range(0, alone.Length).FirstOrDefault(k => BitConverter.SingleToInt32Bits(alone[k]) != BitConverter.SingleToInt32Bits(together[k]), -1);
            Assert.Equal(alone.Length, together.Length);
            Assert.True(mismatch < 0,
                $"training with seed {seeds[i]}: parameter element {mismatch} is {alone[Math.Max(mismatch, 0)]:R} run alone but {together[Math.Max(mismatch, 0)]:R} run in parallel");
        }
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_parameters()
    {
        Assert.Equal(Train(7), Train(7));
    }

    [Fact]
    public void Different_seeds_give_different_parameters()
    {
        var a = Train(7);
        var b = Train(8);
        Assert.True(a.Zip(b).Count(p => p.First != p.Second) > a.Length / 2, "trainings with seeds 7 and 8 ended with mostly equal parameters");
    }

    [Fact]
    public void Reseeding_a_generator_replays_its_stream()
    {
        using var g = new Generator(5);
        using var first = Random.Rand([8], g);
        g.ManualSeed(5);
        using var again = Random.Rand([8], g);
        Assert.Equal(first.ToArray<float>(), again.ToArray<float>());
    }

    [Fact]
    public void Dropout_masks_come_from_the_given_generator()
    {
        using var x = Tensor.Ones([256]);
        using var g1 = new Generator(9);
        using var g2 = new Generator(9);
        using var a = Functional.Dropout(x, 0.5, training: true, generator: g1);
        using var b = Functional.Dropout(x, 0.5, training: true, generator: g2);
        using var c = Functional.Dropout(x, 0.5, training: true, generator: g1);
        Assert.Equal(a.ToArray<float>(), b.ToArray<float>());
        Assert.NotEqual(a.ToArray<float>(), c.ToArray<float>());
    }
}
