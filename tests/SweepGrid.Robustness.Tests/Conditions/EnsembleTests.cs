using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Tests.Conditions;

public class EnsembleTests
{
    [Fact]
    public void Majority_vote_breaks_ties_towards_the_lowest_class_index()
    {
        // Rows are members, columns inputs: votes {2,1,1} → 1; {5,7,5} → 5; {9,3,0} three-way tie → 0; {4,6,6} → 6.
        using var votes = torch.tensor(new long[] { 2L, 5L, 9L, 4L, 1L, 7L, 3L, 6L, 1L, 5L, 0L, 6L }, [3, 4]);
        using var winners = Ensemble.MajorityVote(votes, 10);
        Assert.Equal([1L, 5L, 0L, 6L], winners.data<long>().ToArray());

        using var pair = torch.tensor(new long[] { 8L, 2L }, [2, 1]);
        using var tie = Ensemble.MajorityVote(pair, 10);
        Assert.Equal([2L], tie.data<long>().ToArray());
    }

    [Fact]
    public void Mean_softmax_averages_the_members_probabilities()
    {
        using var first = TinyNetworks.Mlp(seed: 1);
        using var second = TinyNetworks.Mlp(seed: 2);
        using var images = TinyNetworks.RandomImages(5, seed: 3);
        Module[] members = [first, second];
        using var mean = Ensemble.MeanSoftmax(members, images, batchSize: 2);

        using var p1 = Softmax(first, images);
        using var p2 = Softmax(second, images);
        using var expected = (p1 + p2) / 2;
        CorruptionTests.AssertClose(expected.data<float>().ToArray(), mean.data<float>().ToArray(), 1e-6, "mean softmax");

        using var predicted = Ensemble.PredictByMeanSoftmax(members, images);
        using var expectedPrediction = expected.argmax(1);
        Assert.Equal(expectedPrediction.data<long>().ToArray(), predicted.data<long>().ToArray());
    }

    [Fact]
    public void Majority_vote_of_models_agrees_with_voting_on_their_predictions()
    {
        using var a = TinyNetworks.Mlp(seed: 1);
        using var b = TinyNetworks.Mlp(seed: 2);
        using var c = TinyNetworks.Mlp(seed: 3);
        using var images = TinyNetworks.RandomImages(7, seed: 4);
        Module[] members = [a, b, c];
        using var predicted = Ensemble.PredictByMajorityVote(members, images, batchSize: 3);
        using var pa = Argmax(a, images);
        using var pb = Argmax(b, images);
        using var pc = Argmax(c, images);
        using var stacked = torch.stack([pa, pb, pc], 0);
        using var expected = Ensemble.MajorityVote(stacked, 10);
        Assert.Equal(expected.data<long>().ToArray(), predicted.data<long>().ToArray());
    }

    [Fact]
    public void Ensemble_model_outputs_log_mean_softmax_so_attacks_can_target_the_committee()
    {
        var first = TinyNetworks.Mlp(seed: 1);
        var second = TinyNetworks.Mlp(seed: 2);
        using var committee = new EnsembleModel([first, second]);
        using var images = TinyNetworks.RandomImages(4, seed: 3);
        using var mean = Ensemble.MeanSoftmax(committee.Members, images);
        using var logits = committee.forward(images);
        using var probabilities = nn.functional.softmax(logits, 1);
        CorruptionTests.AssertClose(mean.data<float>().ToArray(), probabilities.data<float>().ToArray(), 1e-6, "softmax of the committee's output");

        using var labels = torch.tensor(new long[] { 0L, 1L, 2L, 3L }, [4]);
        using var attacked = Fgsm.Attack(committee, images, labels, 0.1);
        Assert.Equal(0.0, attacked.ZeroGradientFraction);
    }

    private static Tensor Softmax(Module model, Tensor images)
    {
        using var noGrad = torch.no_grad();
        using var logits = model.forward(images);
        return nn.functional.softmax(logits, 1);
    }

    private static Tensor Argmax(Module model, Tensor images)
    {
        using var noGrad = torch.no_grad();
        using var logits = model.forward(images);
        return logits.argmax(1);
    }
}
