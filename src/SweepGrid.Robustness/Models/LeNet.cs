
namespace SweepGrid.Robustness.Models;

/// <summary>
/// Caffe's MNIST LeNet (seed 004): conv 20@5×5 → max-pool 2 → conv 50@5×5 → max-pool 2 → fc 800→500 →
/// ReLU → fc 500→10; no nonlinearity after the convolutions, as in Caffe. 431,080 parameters. Dropout
/// follows a <see cref="DropoutLayout"/>. Initialisation is PyTorch's default unless
/// caffeXavier asks for Caffe's xavier filler (U(±√(3/fan_in)), zero biases).
/// </summary>
public sealed class LeNet : Module
{
    private readonly TorchSharp.Modules.Conv2d conv1;
    private readonly TorchSharp.Modules.Conv2d conv2;
    private readonly TorchSharp.Modules.Linear full;
    private readonly TorchSharp.Modules.Linear output;
    private readonly SeededDropout[] dropouts;

    public LeNet(DropoutLayout? dropout = null, Generator? generator = null, bool caffeXavier = false) : base(nameof(LeNet))
    {
        DropoutLayout = dropout ?? DropoutLayout.None;
        conv1 = this.Register("conv1", Layers.Conv2d(1, 20, 5, generator));
        conv2 = this.Register("conv2", Layers.Conv2d(20, 50, 5, generator));
        full = this.Register("full", Layers.Linear(800, 500, generator));
        output = this.Register("output", Layers.Linear(500, 10, generator));
        // Registered so that Train()/Eval() reach them: unregistered, they would keep dropping in eval mode.
        string[] sites = ["input", "conv1", "conv2", "full", "output"];
        dropouts = DropoutLayout.Rates.Select((rate, i) => this.Register($"dropout_{sites[i]}", new SeededDropout(rate, generator))).ToArray();
        if (caffeXavier)
        {
            Layers.CaffeXavier(conv1.weight!, conv1.bias, 25, generator);
            Layers.CaffeXavier(conv2.weight!, conv2.bias, 500, generator);
            Layers.CaffeXavier(full.weight!, full.bias, 800, generator);
            Layers.CaffeXavier(output.weight!, output.bias, 500, generator);
        }
    }

    public DropoutLayout DropoutLayout { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = dropouts[0].forward(Layers.ChannelsLast(input));
        x = nn.functional.max_pool2d(conv1.forward(x), 2);
        x = dropouts[1].forward(x);
        x = nn.functional.max_pool2d(conv2.forward(x), 2);
        x = dropouts[2].forward(x.flatten(1));
        x = dropouts[3].forward(full.forward(x).relu());
        return dropouts[4].forward(output.forward(x)).MoveToOuterDisposeScope();
    }
}
