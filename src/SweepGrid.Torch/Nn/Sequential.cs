namespace SweepGrid.Torch.Nn;

/// <summary>Runs its children in order; children are named "0", "1", … as in PyTorch.</summary>
public sealed class Sequential : Module
{
    private readonly List<Module> layers = [];

    public Sequential(params Module[] modules)
    {
        foreach (var module in modules)
        {
            Add(module);
        }
    }

    public int Count => layers.Count;

    public Module this[int index] => layers[index];

    public Sequential Add(Module module)
    {
        RegisterModule(layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
        layers.Add(module);
        return this;
    }

    /// <summary>
    /// Intermediate results are disposed as soon as the next layer has consumed them (autograd keeps
    /// what it needs), so a forward pass holds no more tensor handles than one layer's output.
    /// </summary>
    public override Tensor Forward(Tensor input)
    {
        if (layers.Count == 0)
        {
            return input.Alias();
        }
        var x = layers[0].Forward(input);
        for (var i = 1; i < layers.Count; i++)
        {
            var next = layers[i].Forward(x);
            x.Dispose();
            x = next;
        }
        return x;
    }
}
