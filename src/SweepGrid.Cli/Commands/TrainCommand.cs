using System.CommandLine;
using SweepGrid.Robustness.Models;
using SweepGrid.Robustness.Training;
using SweepGrid.Torch;

namespace SweepGrid.Cli.Commands;

/// <summary>`sweepgrid train`: train one model on MNIST and print its test accuracy.</summary>
public static class TrainCommand
{
    public static Command Create(SweepGridOptions configured, TextWriter output, TextWriter error)
    {
        var model = new Option<string>("--model") { Description = "Architecture: mlp, lenet, m3, m5, m7, ablation.", DefaultValueFactory = _ => "mlp" };
        var temperature = new Option<string>("--temperature", "-T") { Description = "MLP sigmoid temperature T > 0; fractions such as 1/64 are allowed.", DefaultValueFactory = _ => "1" };
        var dropout = new Option<string>("--dropout") { Description = "LeNet dropout layout: none, inp, all, or five rates r0,r1,r2,r3,r4.", DefaultValueFactory = _ => "none" };
        var activation = new Option<string>("--activation") { Description = "Activation of m3/m5/m7: relu or gelu.", DefaultValueFactory = _ => "relu" };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs (>= 1).", DefaultValueFactory = _ => 1 };
        var batchSize = new Option<int>("--batch-size") { Description = "Mini-batch size (>= 1).", DefaultValueFactory = _ => 64 };
        var optimizer = new Option<string>("--optimizer") { Description = "adam, adamw or sgd.", DefaultValueFactory = _ => "adam" };
        var lr = new Option<double>("--lr") { Description = "Learning rate (> 0).", DefaultValueFactory = _ => 1e-3 };
        var momentum = new Option<double>("--momentum") { Description = "SGD momentum.", DefaultValueFactory = _ => 0 };
        var weightDecay = new Option<double>("--weight-decay") { Description = "L2 weight decay (decoupled for adamw).", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "libtorch and OpenBLAS threads (>= 1).", DefaultValueFactory = _ => 1 };
        var seed = new Option<ulong>("--seed") { Description = "Seed for initialisation, shuffling and dropout.", DefaultValueFactory = _ => 1 };
        var trainLimit = new Option<long>("--train-limit") { Description = "Train on the first N images of a seeded permutation (0 = all).", DefaultValueFactory = _ => 0 };
        var data = new Option<string?>("--data") { Description = "Folder with the MNIST IDX files (default: $SWEEPGRID_DATA)." };
        var device = new Option<string>("--device") { Description = "cpu, cuda or cuda:N.", DefaultValueFactory = _ => "cpu" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };

        var command = new Command("train", "Train one model on MNIST and print its test accuracy.")
        {
            model, temperature, dropout, activation, epochs, batchSize, optimizer, lr, momentum, weightDecay, threads, seed, trainLimit, data, device, json,
        };
        command.SetAction((parse, cancellation) =>
        {
            TrainSettings settings;
            try
            {
                settings = new TrainSettings(
                    new ModelSpec
                    {
                        Kind = ModelSpec.ParseKind(parse.GetValue(model)!),
                        Temperature = Numbers.ParsePositive(parse.GetValue(temperature)!, "--temperature"),
                        Dropout = DropoutLayout.Parse(parse.GetValue(dropout)!),
                        Activation = Enum.Parse<Activation>(Numbers.Allowed(parse.GetValue(activation)!, "--activation", "relu", "gelu"), ignoreCase: true),
                    },
                    new TrainingConfig
                    {
                        Epochs = parse.GetValue(epochs),
                        BatchSize = parse.GetValue(batchSize),
                        Seed = parse.GetValue(seed),
                        Optimizer = new OptimizerSettings(
                            Enum.Parse<OptimizerKind>(Numbers.Allowed(parse.GetValue(optimizer)!, "--optimizer", "adam", "adamw", "sgd"), ignoreCase: true),
                            parse.GetValue(lr), parse.GetValue(momentum), false, parse.GetValue(weightDecay)),
                    },
                    parse.GetValue(data) ?? configured.Data ?? throw new ArgumentException("no data folder: pass --data DIR or set SWEEPGRID_DATA"),
                    parse.GetValue(threads) >= 1 ? parse.GetValue(threads) : throw new ArgumentException("--threads must be >= 1"),
                    parse.GetValue(trainLimit) >= 0 ? parse.GetValue(trainLimit) : throw new ArgumentException("--train-limit must be >= 0"),
                    Device.Parse(parse.GetValue(device)!),
                    parse.GetValue(json));
                settings.Training.Validate();
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                error.WriteLine($"sweepgrid train: {e.Message}");
                return Task.FromResult(ExitCodes.InvalidInput);
            }
            return Task.FromResult(new TrainJob(settings, output, error).Run(cancellation));
        });
        return command;
    }
}
