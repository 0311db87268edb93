namespace SweepGrid.Robustness;

/// <summary>Small conveniences over TorchSharp's modules used by every model and condition.</summary>
public static class ModuleRegistration
{
    /// <summary>Registers a child module under a name and returns it (TorchSharp's register_module returns nothing).</summary>
    public static T Register<T>(this nn.Module owner, string name, T child) where T : nn.Module
    {
        ArgumentNullException.ThrowIfNull(owner);
        owner.register_module(name, child);
        return child;
    }

    /// <summary>The number of trainable parameters, as <c>sum(p.numel() for p in model.parameters())</c>.</summary>
    public static long ParameterCount(this nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.parameters().Sum(p => p.numel());
    }
}
