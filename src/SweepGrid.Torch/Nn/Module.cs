namespace SweepGrid.Torch.Nn;

/// <summary>
/// A layer or model composed in C#, as torch.nn.Module: named parameters and buffers (dotted paths
/// through child modules, e.g. <c>features.0.weight</c>), train/eval mode and device moves.
/// Parameters and buffers belong to the module, never to a <see cref="DisposeScope"/>.
/// </summary>
public abstract class Module : IDisposable
{
    private readonly List<(string Name, Tensor Tensor)> parameters = [];
    private readonly List<(string Name, Tensor Tensor)> buffers = [];
    private readonly List<(string Name, Module Module)> children = [];

    /// <summary>True in training mode (dropout active, batch norm on batch statistics).</summary>
    public bool IsTraining { get; private set; } = true;

    public abstract Tensor Forward(Tensor input);

    protected Tensor RegisterParameter(string name, Tensor tensor)
    {
        tensor.DetachFromDisposeScope().RequiresGrad = true;
        parameters.Add((name, tensor));
        return tensor;
    }

    protected Tensor RegisterBuffer(string name, Tensor tensor)
    {
        tensor.DetachFromDisposeScope();
        buffers.Add((name, tensor));
        return tensor;
    }

    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        children.Add((name, module));
        return module;
    }

    public IEnumerable<(string Name, Module Module)> NamedChildren() => children;

    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters() => Collect(m => m.parameters);

    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers() => Collect(m => m.buffers);

    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Parameter);

    /// <summary>Parameters then buffers, by name: what is saved and loaded.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> StateDict() => NamedParameters().Concat(NamedBuffers());

    public long ParameterCount() => Parameters().Sum(p => p.NumElements);

    public Module Train(bool training = true)
    {
        IsTraining = training;
        foreach (var (_, child) in children)
        {
            child.Train(training);
        }
        return this;
    }

    public Module Eval() => Train(false);

    /// <summary>Moves every parameter and buffer to a device in place (identities kept, as in PyTorch).</summary>
    public Module To(Device device)
    {
        foreach (var (_, tensor) in StateDict())
        {
            using var moved = tensor.To(device);
            using var data = moved.Detach();
            tensor.SetData(data);
        }
        return this;
    }

    public void ZeroGrad()
    {
        foreach (var p in Parameters())
        {
            p.Grad = null;
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }
        foreach (var (_, tensor) in parameters.Concat(buffers))
        {
            tensor.Dispose();
        }
        foreach (var (_, child) in children)
        {
            child.Dispose();
        }
    }

    private IEnumerable<(string, Tensor)> Collect(Func<Module, List<(string Name, Tensor Tensor)>> select)
    {
        foreach (var (name, tensor) in select(this))
        {
            yield return (name, tensor);
        }
        foreach (var (prefix, child) in children)
        {
            foreach (var (name, tensor) in child.Collect(select))
            {
                yield return ($"{prefix}.{name}", tensor);
            }
        }
    }
}
