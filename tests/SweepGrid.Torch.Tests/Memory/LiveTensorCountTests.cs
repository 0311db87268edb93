using SweepGrid.Torch.Nn;
using SweepGrid.Torch.Optim;
using SweepGrid.Torch.Tests.Support;

namespace SweepGrid.Torch.Tests.Memory;

/// <summary>Native handles are freed deterministically: counts return to their baseline without the garbage collector.</summary>
[Collection(LiveTensorCollection.Name)]
public class LiveTensorCountTests
{
    /// <summary>Lets finalizers of tensors that earlier tests dropped run now, not in the middle of a count.</summary>
    private static long SettledCount()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return TorchRuntime.LiveTensorCount;
    }

    [Fact]
    public void A_thousand_training_steps_in_dispose_scopes_leave_no_tensor_behind()
    {
        SettledCount();
        using var g = new Generator(42);
        using var model = new Sequential(new Linear(8, 16, generator: g), new BatchNorm1d(16), new ReLU(), new Dropout(0.2, g), new Linear(16, 3, generator: g));
        using var adam = new Adam(model.Parameters(), lr: 1e-2, weightDecay: 1e-4);
        var schedule = new StepLR(adam, stepSize: 100, gamma: 0.5);
        using var x = Random.Randn([32, 8], g);
        using var y = Random.Randint(0, 3, [32], g);
        // One warm-up step so Adam's lazily created moment buffers exist before the baseline.
        TrainStep(model, adam, x, y);
        var baseline = TorchRuntime.LiveTensorCount;

        for (var step = 0; step < 1000; step++)
        {
            TrainStep(model, adam, x, y);
            if (step % 100 == 99)
            {
                schedule.Step();
            }
        }

        Assert.Equal(baseline, TorchRuntime.LiveTensorCount);
    }

    private static void TrainStep(Module model, Optimizer optimizer, Tensor x, Tensor y)
    {
        using var scope = DisposeScope.Begin();
        var logits = model.Forward(x);
        var loss = Functional.CrossEntropy(logits, y);
        optimizer.ZeroGrad();
        loss.Backward();
        optimizer.Step();
        using (Autograd.NoGrad())
        {
            var predictions = logits.Argmax(1);
            _ = predictions.Eq(y).To(ScalarType.Float32).Mean().Item();
        }
    }

    [Fact]
    public void Disposing_a_scope_frees_exactly_the_tensors_created_inside_it()
    {
        var before = SettledCount();
        using var kept = Tensor.Ones([3]);
        using (var scope = DisposeScope.Begin())
        {
            var a = kept * 2.0;
            var b = a + kept;
            _ = b.Sum();
            Assert.Equal(before + 4, TorchRuntime.LiveTensorCount);
        }
        Assert.Equal(before + 1, TorchRuntime.LiveTensorCount);
        Assert.False(kept.IsDisposed);
    }

    [Fact]
    public void A_failed_archive_load_frees_the_tensors_it_had_already_read()
    {
        using var model = new Sequential(new Linear(4, 3), new Linear(3, 2));
        var archive = ParameterArchive.Save(model);
        var before = SettledCount();
        Assert.Throws<InvalidDataException>(() => ParameterArchive.Load(archive.AsSpan(0, archive.Length - 1)));
        Assert.Equal(before, TorchRuntime.LiveTensorCount);
    }

    [Fact]
    public void Sequential_forward_holds_no_intermediate_handles()
    {
        using var model = new Sequential(new Linear(4, 4), new ReLU(), new Linear(4, 4), new GELU(), new Flatten());
        using var x = Tensor.Ones([2, 4]);
        var before = SettledCount();
        using var y = model.Forward(x);
        Assert.Equal(before + 1, TorchRuntime.LiveTensorCount);
    }

    [Fact]
    public void Module_dispose_frees_its_parameters_and_buffers()
    {
        var before = SettledCount();
        var model = new Sequential(new Linear(4, 3), new BatchNorm1d(3));
        Assert.Equal(before + 7, TorchRuntime.LiveTensorCount);
        model.Dispose();
        Assert.Equal(before, TorchRuntime.LiveTensorCount);
    }
}
