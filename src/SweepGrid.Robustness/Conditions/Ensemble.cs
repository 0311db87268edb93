
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Predictions of a committee of models (seeds 001 and 004): the mean of the members' softmax outputs, and
/// the majority vote of their predicted classes. Members run in eval mode (their modes are restored).
/// </summary>
/// <remarks>
/// Ties: a majority-vote tie goes to the lowest class index among the tied classes (stated so that reports
/// are reproducible); the mean-softmax argmax also takes the lowest index on an exact tie.
/// </remarks>
public static class Ensemble
{
    /// <summary>Mean softmax [N, K] of the members' logits over the images, mini-batch by mini-batch.</summary>
    public static Tensor MeanSoftmax(IReadOnlyList<Module> members, Tensor images, int batchSize = MiniBatches.DefaultSize)
    {
        CheckMembers(members);
        MiniBatches.CheckImages(images);
        MiniBatches.CheckBatchSize(batchSize);
        var parts = new List<Tensor>();
        try
        {
            foreach (var (start, length) in MiniBatches.Ranges(images.shape[0], batchSize))
            {
                using var scope = torch.NewDisposeScope();
                parts.Add(MeanSoftmaxOfBatch(members, images.narrow(0, start, length)).MoveToOuterDisposeScope());
            }
            return torch.cat(parts, 0);
        }
        finally
        {
            foreach (var part in parts)
            {
                part.Dispose();
            }
        }
    }

    /// <summary>Class predictions (int64 [N]) from the mean softmax.</summary>
    public static Tensor PredictByMeanSoftmax(IReadOnlyList<Module> members, Tensor images, int batchSize = MiniBatches.DefaultSize)
    {
        using var probabilities = MeanSoftmax(members, images, batchSize);
        return LowestIndexArgmax(probabilities);
    }

    /// <summary>Class predictions (int64 [N]) by majority vote of the members' argmax predictions, ties to the lowest class.</summary>
    public static Tensor PredictByMajorityVote(IReadOnlyList<Module> members, Tensor images, int batchSize = MiniBatches.DefaultSize)
    {
        CheckMembers(members);
        MiniBatches.CheckImages(images);
        MiniBatches.CheckBatchSize(batchSize);
        using var scope = torch.NewDisposeScope();
        var votes = new List<Tensor>();
        long classCount = 0;
        foreach (var member in members)
        {
            var logits = Logits(member, images, batchSize);
            classCount = logits.shape[1];
            votes.Add(logits.argmax(1));
        }
        return MajorityVote(torch.stack(votes, 0), classCount).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Majority vote over member predictions [M, N] (int64) among <paramref name="classCount"/> classes; a tie
    /// goes to the lowest class index.
    /// </summary>
    public static Tensor MajorityVote(Tensor memberPredictions, long classCount)
    {
        ArgumentNullException.ThrowIfNull(memberPredictions);
        if (memberPredictions.dim() != 2 || memberPredictions.dtype != ScalarType.Int64)
        {
            throw new ArgumentException($"member predictions must be int64 [M, N]; got {memberPredictions.dtype} [{string.Join(", ", memberPredictions.shape)}]",
                nameof(memberPredictions));
        }
        using var scope = torch.NewDisposeScope();
        var counts = nn.functional.one_hot(memberPredictions, classCount).sum(dim: 0);      // [N, K]
        return LowestIndexArgmax(counts).MoveToOuterDisposeScope();
    }

    /// <summary>Argmax over dim 1 that takes the lowest index among exact ties, whatever the backend's argmax does.</summary>
    private static Tensor LowestIndexArgmax(Tensor scores)
    {
        using var scope = torch.NewDisposeScope();
        var (maximum, _) = scores.max(1, keepdim: true);
        var classCount = scores.shape[1];
        // Among the maximal entries pick the smallest index: score K − index on them, 0 elsewhere.
        var reversed = torch.arange(classCount, 0, -1, ScalarType.Int64, scores.device);
        var candidates = torch.where(scores.eq(maximum), reversed.unsqueeze(0), torch.zeros([1], ScalarType.Int64, scores.device));
        var (best, _) = candidates.max(1);
        // Subtracting from a scalar would promote to float: keep the indices int64.
        return (classCount - best).to(ScalarType.Int64).MoveToOuterDisposeScope();
    }

    private static Tensor MeanSoftmaxOfBatch(IReadOnlyList<Module> members, Tensor batch)
    {
        Tensor? sum = null;
        foreach (var member in members)
        {
            using var eval = new EvalModeScope(member);
            using var noGrad = torch.no_grad();
            var probabilities = nn.functional.softmax(member.forward(batch), 1);
            sum = sum is null ? probabilities : sum + probabilities;
        }
        return sum! / members.Count;
    }

    private static Tensor Logits(Module member, Tensor images, int batchSize)
    {
        using var eval = new EvalModeScope(member);
        using var noGrad = torch.no_grad();
        var parts = MiniBatches.Ranges(images.shape[0], batchSize).Select(r => member.forward(images.narrow(0, r.Start, r.Length))).ToList();
        return torch.cat(parts, 0);
    }

    private static void CheckMembers(IReadOnlyList<Module> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("an ensemble needs at least one member", nameof(members));
        }
    }
}
