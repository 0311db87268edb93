using SweepGrid.Torch;
using SweepGrid.Torch.Nn;

namespace SweepGrid.Robustness.Tests.Models;

/// <summary>Reads a model's module tree and runs it on small random inputs.</summary>
internal static class ModelStructure
{
    /// <summary>Every registered module below <paramref name="model"/> (pre-order, the model itself excluded).</summary>
    public static IEnumerable<Module> Descendants(Module model)
    {
        foreach (var (_, child) in model.NamedChildren())
        {
            yield return child;
            foreach (var grandchild in Descendants(child))
            {
                yield return grandchild;
            }
        }
    }

    public static int CountOf<T>(Module model) where T : Module => Descendants(model).OfType<T>().Count();

    /// <summary>The module types in registration order, e.g. "Conv2d,BatchNorm2d,ReLU,…".</summary>
    public static string Layout(Module model) => string.Join(",", Descendants(model).Select(m => m.GetType().Name));

    /// <summary>[n, 1, 28, 28] uniform images in [0, 1] from a seed.</summary>
    public static Tensor RandomImages(long n, ulong seed)
    {
        using var generator = new Generator(seed);
        return SweepGrid.Torch.Random.Rand([n, 1, 28, 28], generator);
    }

    /// <summary>The model's output for <paramref name="images"/> without autograd, as a flat array.</summary>
    public static float[] Outputs(Module model, Tensor images)
    {
        using var noGrad = Autograd.NoGrad();
        using var output = model.Forward(images);
        return output.ToArray<float>();
    }
}
