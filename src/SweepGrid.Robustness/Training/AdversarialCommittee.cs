using SweepGrid.Robustness.Conditions;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Weights;

namespace SweepGrid.Robustness.Training;

/// <summary>The outcome of <see cref="AdversarialCommittee.Train"/>: every member's weights, natural model first.</summary>
public sealed record CommitteeResult(TrainingStatus Status, string? Reason, TrainingResult Natural, IReadOnlyList<byte[]> Snapshots);

/// <summary>
/// Trains seed 004's committee (see <see cref="CommitteeSettings"/>). Members are returned as parameter
/// archives; evaluate them together by mean softmax (<see cref="Ensemble"/>).
/// </summary>
public static class AdversarialCommittee
{
    public static CommitteeResult Train(ModelSpec spec, IBatchSource data, TrainingConfig natural, CommitteeSettings settings,
        Device device, Generator generator, CancellationToken cancellation = default)
    {
        settings.Validate();
        using var model = spec.Create(generator);
        model.to(device);
        var first = new Trainer(natural).Train(model, data, device, generator, cancellation);
        if (first.Status != TrainingStatus.Completed)
        {
            return new CommitteeResult(first.Status, first.Reason, first, []);
        }
        var snapshots = new List<byte[]> { ModelWeights.Save(model) };
        using var source = spec.Create(generator);
        source.to(device);
        using var optimizer = OptimizerFactory.Create(natural.Optimizer, model);
        for (var member = 1; member < settings.Members; member++)
        {
            // The examples come from the latest snapshot, frozen, not from the model being trained.
            ModelWeights.LoadInto(source, snapshots[^1]);
            model.train();
            for (var iteration = 0; iteration < settings.IterationsPerSnapshot; iteration++)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return new CommitteeResult(TrainingStatus.Cancelled, $"cancelled while training committee member {member + 1}", first, snapshots);
                }
                using var scope = torch.NewDisposeScope();
                var positions = torch.randint(0, data.Count, [natural.BatchSize], generator: generator);
                var (x, y) = data.Batch(positions, device);
                var examples = AdversarialExamples(source, x, y, settings);
                var loss = nn.functional.cross_entropy(model.forward(examples), y);
                optimizer.ClearGradients();
                loss.backward();
                optimizer.step();
                var value = loss.item<float>();
                if (!double.IsFinite(value))
                {
                    return new CommitteeResult(TrainingStatus.Diverged, $"diverged while training committee member {member + 1}: loss is {value}", first, snapshots);
                }
            }
            snapshots.Add(ModelWeights.Save(model));
        }
        return new CommitteeResult(TrainingStatus.Completed, null, first, snapshots);
    }

    private static Tensor AdversarialExamples(Module source, Tensor x, Tensor y, CommitteeSettings settings)
    {
        using var attack = Fgsm.Attack(source, x, y, settings.Epsilon, (int)x.shape[0]);
        var signed = attack.Adversarials.clone();
        if (settings.GradientScale == 0)
        {
            return signed;
        }
        using var eval = new EvalModeScope(source);
        var gradient = InputGradient.OfCrossEntropy(source, signed, y);
        using var noGrad = torch.no_grad();
        return ((gradient * settings.GradientScale) + signed).clamp(0, 1);
    }
}
