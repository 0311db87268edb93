
namespace SweepGrid.Robustness.Tests.Models;

/// <summary>Reads a model's module tree and runs it on small random inputs.</summary>
internal static class ModelStructure
{
    /// <summary>Every registered module below <paramref name="model"/> (pre-order, the model itself excluded).</summary>
    public static IEnumerable<nn.Module> Descendants(nn.Module model)
    {
        foreach (var (_, child) in model.named_children())
        {
            yield return child;
            foreach (var grandchild in Descendants(child))
            {
                yield return grandchild;
            }
        }
    }

    public static int CountOf<T>(nn.Module model) where T : nn.Module => Descendants(model).OfType<T>().Count();

    /// <summary>The module types in registration order, e.g. "Conv2d,BatchNorm2d,ReLU,…".</summary>
    public static string Layout(nn.Module model) => string.Join(",", Descendants(model).Select(m => m.GetType().Name));

    /// <summary>[n, 1, 28, 28] uniform images in [0, 1] from a seed.</summary>
    public static Tensor RandomImages(long n, ulong seed)
    {
        using var generator = new Generator(seed);
        return torch.rand([n, 1, 28, 28], generator: generator);
    }

    /// <summary>The model's output for <paramref name="images"/> without autograd, as a flat array.</summary>
    public static float[] Outputs(Module model, Tensor images)
    {
        using var noGrad = torch.no_grad();
        using var output = model.forward(images);
        return output.data<float>().ToArray();
    }
}
