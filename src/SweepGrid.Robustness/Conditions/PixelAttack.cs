
namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// The pixel attack of seed 003 §3.3 as definitions.md fixes it: for each correctly classified input take
/// g = ∇ₓ CE(f(x), y), choose the n pixels with the largest |g| (ties broken by the lower pixel index), try
/// every assignment of those pixels to 0 or 1 in one batch — skipping any assignment that changes nothing —
/// and count a success if any candidate is misclassified, recording the fewest pixels a successful candidate
/// changed. With several channels a pixel's |g| is the mean over channels and an assignment sets all of them.
/// </summary>
public static class PixelAttack
{
    /// <summary>Seed 003 tries up to 3 pixels on MNIST; 2ⁿ candidates per input bound n.</summary>
    public const int MaxPixelCount = 10;

    /// <summary>Runs the attack for each n in <paramref name="pixelCounts"/> (seed 003: 1, 2, 3).</summary>
    public static IReadOnlyList<PixelAttackResult> Run(Module model, Tensor images, Tensor labels, IEnumerable<int> pixelCounts,
        int classCount = 10, int batchSize = MiniBatches.DefaultSize)
    {
        ArgumentNullException.ThrowIfNull(pixelCounts);
        return pixelCounts.Select(n => Run(model, images, labels, n, classCount, batchSize)).ToArray();
    }

    /// <summary>Runs the attack with n pixels, mini-batch by mini-batch, the model in eval mode (modes restored afterwards).</summary>
    public static PixelAttackResult Run(Module model, Tensor images, Tensor labels, int pixelCount, int classCount = 10, int batchSize = MiniBatches.DefaultSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        MiniBatches.CheckImages(images, labels);
        MiniBatches.CheckBatchSize(batchSize);
        var pixels = images.shape[2] * images.shape[3];
        if (pixelCount < 1 || pixelCount > Math.Min(MaxPixelCount, pixels))
        {
            throw new ArgumentOutOfRangeException(nameof(pixelCount), pixelCount, $"the pixel count must be in [1, {Math.Min(MaxPixelCount, pixels)}]");
        }
        if (classCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "the class count must be at least 1");
        }
        var count = (int)images.shape[0];
        var attacked = new bool[count];
        var fewest = new int[count];
        using var eval = new EvalModeScope(model);
        using var assignments = Assignments(pixelCount, images.dtype, images.device);
        foreach (var (start, length) in MiniBatches.Ranges(count, batchSize))
        {
            using var scope = torch.NewDisposeScope();
            var (batchAttacked, batchFewest) = AttackBatch(model, images.narrow(0, start, length), labels.narrow(0, start, length), pixelCount, assignments);
            batchAttacked.CopyTo(attacked, start);
            batchFewest.CopyTo(fewest, start);
        }
        using var labelsOnCpu = labels.to(torch.CPU);
        var labelValues = labelsOnCpu.data<long>().ToArray();
        var attackedPerClass = new long[classCount];
        var succeededPerClass = new long[classCount];
        for (var i = 0; i < count; i++)
        {
            var c = labelValues[i];
            if (c < 0 || c >= classCount)
            {
                throw new ArgumentException($"label {c} of input {i} is outside [0, {classCount})", nameof(labels));
            }
            attackedPerClass[c] += attacked[i] ? 1 : 0;
            succeededPerClass[c] += fewest[i] > 0 ? 1 : 0;
        }
        return new PixelAttackResult(pixelCount, attackedPerClass, succeededPerClass, attacked, fewest);
    }

    /// <summary>
    /// Indices [B, n] of the n pixels with the largest |gradient| (gradient [B, C, H, W], |g| averaged over
    /// channels), ties broken by the lower index: a stable descending sort keeps equal values in index order.
    /// </summary>
    internal static Tensor SelectPixels(Tensor gradient, int pixelCount)
    {
        using var scope = torch.NewDisposeScope();
        var magnitude = gradient.abs().mean([1]).flatten(1);
        var (_, order) = magnitude.sort(dim: 1, descending: true, stable: true);
        return order.narrow(1, 0, pixelCount).contiguous().MoveToOuterDisposeScope();
    }

    private static (bool[] Attacked, int[] Fewest) AttackBatch(Module model, Tensor x, Tensor y, int n, Tensor assignments)
    {
        var shape = x.shape;
        long b = shape[0], c = shape[1], p = shape[2] * shape[3];
        var candidatesPerInput = assignments.shape[0];
        var gradient = InputGradient.OfCrossEntropy(model, x, y);
        using var noGrad = torch.no_grad();
        var correct = model.forward(x).argmax(1).eq(y);

        var selected = SelectPixels(gradient, n);                                   // [B, n]
        var oneHot = nn.functional.one_hot(selected, p).to(x.dtype);                                // [B, n, P]
        var touched = oneHot.sum(1);                                                // [B, P]
        var flat = x.reshape(b, c, p);
        var values = assignments.unsqueeze(0).matmul(oneHot);                       // [B, 2ⁿ, P]
        var kept = flat.unsqueeze(1) * (1 - touched).unsqueeze(1).unsqueeze(1);     // [B, 1, C, P]
        var candidates = kept + values.unsqueeze(2);                                // [B, 2ⁿ, C, P]

        // A pixel counts as changed when any of its channels differs from the assigned value.
        var original = flat.gather(2, selected.unsqueeze(1).expand(b, c, n));       // [B, C, n]
        var differs = original.unsqueeze(1).ne(assignments.unsqueeze(0).unsqueeze(2)); // [B, 2ⁿ, C, n]
        var changed = differs.to(ScalarType.Int64).sum(2).gt(0).to(ScalarType.Int64).sum(2); // [B, 2ⁿ]

        var predictions = model.forward(candidates.reshape(b * candidatesPerInput, c, shape[2], shape[3])).argmax(1).reshape(b, candidatesPerInput);
        var success = predictions.ne(y.unsqueeze(1)).logical_and(changed.gt(0)).logical_and(correct.unsqueeze(1));
        var sentinel = torch.full([1], n + 1, ScalarType.Int64, x.device);
        var (negatedFewest, _) = torch.where(success, changed, sentinel).neg().max(1, keepdim: false);
        var fewest = negatedFewest.neg();
        var found = fewest.le(n);

        var attacked = correct.to(torch.CPU).data<bool>().ToArray();
        var fewestValues = torch.where(found, fewest, torch.zeros([1], ScalarType.Int64, x.device)).to(ScalarType.Int32).to(torch.CPU).data<int>().ToArray();
        return (attacked, fewestValues);
    }

    /// <summary>All 2ⁿ assignments as rows of 0/1, bit j of row r giving pixel j (row 0 sets every pixel to 0).</summary>
    private static Tensor Assignments(int n, ScalarType dtype, Device device)
    {
        var rows = 1 << n;
        var values = new float[rows * n];
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < n; j++)
            {
                values[(r * n) + j] = (r >> j) & 1;
            }
        }
        using var cpu = torch.tensor(values, rows, n);
        return cpu.to(dtype, device);
    }
}
