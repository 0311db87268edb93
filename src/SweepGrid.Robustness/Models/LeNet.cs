using SweepGrid.Torch;
using SweepGrid.Torch.Nn;

namespace SweepGrid.Robustness.Models;

/// <summary>
/// Caffe's MNIST LeNet (seed 004): conv 20@5×5 → max-pool 2 → conv 50@5×5 → max-pool 2 → fc 800→500 →
/// ReLU → fc 500→10; no nonlinearity after the convolutions, as in Caffe. 431,080 parameters. Dropout
/// follows a <see cref="DropoutLayout"/>. Initialisation is PyTorch's default unless
/// caffeXavier asks for Caffe's xavier filler (U(±√(3/fan_in)), zero biases).
/// </summary>
public sealed class LeNet : Module
{
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Linear full;
    private readonly Linear output;
    private readonly Dropout[] dropouts;

    public LeNet(DropoutLayout? dropout = null, Generator? generator = null, bool caffeXavier = false)
    {
        DropoutLayout = dropout ?? DropoutLayout.None;
        conv1 = RegisterModule("conv1", new Conv2d(1, 20, 5, generator: generator));
        conv2 = RegisterModule("conv2", new Conv2d(20, 50, 5, generator: generator));
        full = RegisterModule("full", new Linear(800, 500, generator: generator));
        output = RegisterModule("output", new Linear(500, 10, generator: generator));
        // Registered so that Train()/Eval() reach them: unregistered, they would keep dropping in eval mode.
        string[] sites = ["input", "conv1", "conv2", "full", "output"];
        dropouts = DropoutLayout.Rates.Select((rate, i) => RegisterModule($"dropout_{sites[i]}", new Dropout(rate, generator))).ToArray();
        if (caffeXavier)
        {
            using var _ = Autograd.NoGrad();
            foreach (var (weight, bias, fanIn) in new[] { (conv1.Weight, conv1.Bias, 25L), (conv2.Weight, conv2.Bias, 500L), (full.Weight, full.Bias, 800L), (output.Weight, output.Bias, 500L) })
            {
                Init.CaffeXavier(weight, fanIn, generator);
                bias?.Zero_();
            }
        }
    }

    public DropoutLayout DropoutLayout { get; }

    public override Tensor Forward(Tensor input)
    {
        using var scope = DisposeScope.Begin();
        var x = dropouts[0].Forward(input);
        x = Functional.MaxPool2d(conv1.Forward(x), (2, 2));
        x = dropouts[1].Forward(x);
        x = Functional.MaxPool2d(conv2.Forward(x), (2, 2));
        x = dropouts[2].Forward(x.Flatten(1));
        x = dropouts[3].Forward(full.Forward(x).Relu());
        return dropouts[4].Forward(output.Forward(x)).MoveToOuterDisposeScope();
    }
}
