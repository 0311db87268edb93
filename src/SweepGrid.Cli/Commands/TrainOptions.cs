using System.CommandLine;
using SweepGrid.Robustness.Evaluation;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;
using SweepGrid.Robustness;

namespace SweepGrid.Cli.Commands;

/// <summary>The options of `sweepgrid train` and their translation into a validated <see cref="TrainSettings"/>.</summary>
internal sealed class TrainOptions
{
    private readonly Option<string> model = new("--model") { Description = "Architecture: mlp, lenet, m3, m5, m7, ablation.", DefaultValueFactory = _ => "mlp" };
    private readonly Option<string> temperature = new("--temperature", "-T") { Description = "MLP sigmoid temperature T > 0; fractions such as 1/64 are allowed.", DefaultValueFactory = _ => "1" };
    private readonly Option<string> dropout = new("--dropout") { Description = "LeNet dropout layout: none, inp, all, or five rates r0,r1,r2,r3,r4 (input, conv1, conv2, full, output).", DefaultValueFactory = _ => "none" };
    private readonly Option<string> activation = new("--activation") { Description = "Activation of m3/m5/m7: relu or gelu.", DefaultValueFactory = _ => "relu" };
    private readonly Option<string> ablation = new("--ablation") { Description = "Variant of the ablation CNN: original, no-dropout, no-batchnorm, no-steplr, conv-instead-of-pool.", DefaultValueFactory = _ => "original" };
    private readonly Option<int> epochs = new("--epochs") { Description = "Training epochs (>= 1).", DefaultValueFactory = _ => 1 };
    private readonly Option<int> batchSize = new("--batch-size") { Description = "Mini-batch size (>= 1).", DefaultValueFactory = _ => 64 };
    private readonly Option<string> optimizer = new("--optimizer") { Description = "adam, adamw or sgd.", DefaultValueFactory = _ => "adam" };
    private readonly Option<double> lr = new("--lr") { Description = "Learning rate (> 0).", DefaultValueFactory = _ => 1e-3 };
    private readonly Option<double> momentum = new("--momentum") { Description = "SGD momentum.", DefaultValueFactory = _ => 0 };
    private readonly Option<bool> nesterov = new("--nesterov") { Description = "Nesterov momentum (SGD with momentum > 0)." };
    private readonly Option<double> weightDecay = new("--weight-decay") { Description = "L2 weight decay (decoupled for adamw).", DefaultValueFactory = _ => 0 };
    private readonly Option<string> schedule = new("--schedule") { Description = "Learning-rate schedule: none, step, exponential, inv (Caffe).", DefaultValueFactory = _ => "none" };
    private readonly Option<int> stepSize = new("--step-size") { Description = "StepLR: epochs between decays.", DefaultValueFactory = _ => 1 };
    private readonly Option<double> gamma = new("--gamma") { Description = "Decay factor of step (default 0.7) or exponential (default 0.98), or γ of inv (default 1e-4)." };
    private readonly Option<double> mixup = new("--mixup") { Description = "MixUp α (0 = off).", DefaultValueFactory = _ => 0 };
    private readonly Option<double> rotate = new("--augment-rotation") { Description = "Random rotation up to ± degrees.", DefaultValueFactory = _ => 0 };
    private readonly Option<double> translate = new("--augment-translation") { Description = "Random translation up to ± pixels.", DefaultValueFactory = _ => 0 };
    private readonly Option<bool> flip = new("--augment-flip") { Description = "Random horizontal flips." };
    private readonly Option<double> noise = new("--augment-noise") { Description = "Gaussian-noise augmentation σ (0 = off).", DefaultValueFactory = _ => 0 };
    private readonly Option<string?> adversarial = new("--adversarial") { Description = "FGSM adversarial training: ε[:w] for a constant weight w (default 0.5), or ε:seed001 for seed 001's staged weights." };
    private readonly Option<string> evaluate = new("--eval") { Description = "Comma-separated evaluations, as in a spec's evaluation list (docs/spec-reference.md): clean, brightness=f, blur=σ, noise=σ, fgsm=ε, pgdN=ε[;alpha=α;restarts=R], deformed, lowpassK[;noise=σ]:<condition>, dae:<condition>, graybox:<stage>:<attack>, ece, ts, ood=<set>[;epsilon=ε;temperature=T], regimes, gradients, pixel=n, epochs:<entry>.", DefaultValueFactory = _ => "clean" };
    private readonly Option<long> validation = new("--validation") { Description = "Training images held out (seeded) for temperature scaling (needed by 'ts').", DefaultValueFactory = _ => 0 };
    private readonly Option<int> threads = new("--threads") { Description = "libtorch and OpenBLAS threads (>= 1).", DefaultValueFactory = _ => 1 };
    private readonly Option<ulong> seed = new("--seed") { Description = "Seed for initialisation, shuffling, dropout and seeded conditions.", DefaultValueFactory = _ => 1 };
    private readonly Option<long> trainLimit = new("--train-limit") { Description = "Train on N images of a seeded permutation (0 = all).", DefaultValueFactory = _ => 0 };
    private readonly Option<long> testLimit = new("--test-limit") { Description = "Evaluate on the first N test images (0 = all).", DefaultValueFactory = _ => 0 };
    private readonly Option<string> dataset = new("--dataset") { Description = "mnist, fashion-mnist or kmnist.", DefaultValueFactory = _ => "mnist" };
    private readonly Option<string?> data = new("--data") { Description = "Folder with the IDX files (default: $SWEEPGRID_DATA)." };
    private readonly Option<string> device = new("--device") { Description = "cpu, cuda or cuda:N.", DefaultValueFactory = _ => "cpu" };
    private readonly Option<bool> json = new("--json") { Description = "Print one JSON object instead of text." };

    public IEnumerable<Option> All => [model, temperature, dropout, activation, ablation, epochs, batchSize, optimizer, lr, momentum, nesterov, weightDecay,
        schedule, stepSize, gamma, mixup, rotate, translate, flip, noise, adversarial, evaluate, validation, threads, seed, trainLimit, testLimit, dataset, data, device, json];

    /// <exception cref="ArgumentException">An option is out of range; the message names it and what is allowed.</exception>
    /// <exception cref="FormatException">An option is malformed.</exception>
    public TrainSettings Bind(ParseResult parse, SweepGridOptions configured)
    {
        var spec = new ModelSpec
        {
            Kind = ModelSpec.ParseKind(parse.GetValue(model)!),
            Temperature = Numbers.ParsePositive(parse.GetValue(temperature)!, "--temperature"),
            Dropout = DropoutLayout.Parse(parse.GetValue(dropout)!),
            Activation = Enum.Parse<Activation>(Numbers.Allowed(parse.GetValue(activation)!, "--activation", "relu", "gelu"), ignoreCase: true),
            Ablation = AblationSwitches.Parse(Numbers.Allowed(parse.GetValue(ablation)!, "--ablation", [.. AblationSwitches.VariantNames])),
        };
        var scheduleKind = ScheduleDefaults.ParseKind(Numbers.Allowed(parse.GetValue(schedule)!, "--schedule", "none", "step", "exponential", "inv"));
        var training = new TrainingConfig
        {
            Epochs = parse.GetValue(epochs),
            BatchSize = parse.GetValue(batchSize),
            Seed = parse.GetValue(seed),
            Optimizer = new OptimizerSettings(
                Enum.Parse<OptimizerKind>(Numbers.Allowed(parse.GetValue(optimizer)!, "--optimizer", "adam", "adamw", "sgd"), ignoreCase: true),
                parse.GetValue(lr), parse.GetValue(momentum), parse.GetValue(nesterov), parse.GetValue(weightDecay)),
            Schedule = ScheduleDefaults.For(spec, scheduleKind, parse.GetValue(stepSize), parse.GetResult(gamma) is not null ? parse.GetValue(gamma) : null),
            MixUpAlpha = parse.GetValue(mixup),
            Augmentation = new AugmentationSettings(parse.GetValue(rotate), parse.GetValue(translate), parse.GetValue(flip), parse.GetValue(noise)),
            Adversarial = ParseAdversarial(parse.GetValue(adversarial)),
        };
        training.Validate();
        var trial = new TrialDefinition
        {
            Dataset = parse.GetValue(dataset)!.Trim().ToLowerInvariant(),
            Model = spec,
            Training = training,
            TrainLimit = NonNegative(parse.GetValue(trainLimit), "--train-limit"),
            TestLimit = NonNegative(parse.GetValue(testLimit), "--test-limit"),
            ValidationCount = NonNegative(parse.GetValue(validation), "--validation"),
            Evaluations = parse.GetValue(evaluate)!.Split(',', StringSplitOptions.TrimEntries),
        };
        var threadCount = parse.GetValue(threads) >= 1 ? parse.GetValue(threads) : throw new ArgumentException("--threads must be >= 1");
        var environment = new TrialEnvironment(
            parse.GetValue(data) ?? configured.Data ?? throw new ArgumentException("no data folder: pass --data DIR or set SWEEPGRID_DATA"),
            TorchRuntime.ParseDevice(parse.GetValue(device)!),
            threadCount);
        return new TrainSettings(trial, environment, parse.GetValue(json));
    }

    private static long NonNegative(long value, string option) => value >= 0 ? value : throw new ArgumentException($"{option} must be >= 0");

    private static AdversarialTrainingSettings? ParseAdversarial(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parts = text.Split(':');
        var epsilon = Numbers.ParsePositive(parts[0], "--adversarial ε");
        return parts.Length switch
        {
            1 => AdversarialTrainingSettings.Constant(epsilon),
            2 when parts[1].Trim().Equals("seed001", StringComparison.OrdinalIgnoreCase) => AdversarialTrainingSettings.Seed001(epsilon),
            2 => AdversarialTrainingSettings.Constant(epsilon, Numbers.ParsePositive(parts[1], "--adversarial weight")),
            _ => throw new FormatException($"--adversarial is ε, ε:w or ε:seed001 (got '{text}')"),
        };
    }
}
