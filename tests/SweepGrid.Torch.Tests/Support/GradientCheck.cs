namespace SweepGrid.Torch.Tests.Support;

/// <summary>
/// Compares autograd's gradients with central finite differences, (f(x+h) − f(x−h)) / 2h, on float64
/// inputs: one element perturbed at a time, evaluated without recording a graph.
/// </summary>
internal static class GradientCheck
{
    public const double Step = 1e-6;
    public const double RelativeTolerance = 1e-6;

    /// <summary>
    /// Asserts that <paramref name="analytic"/> (one gradient per input) matches the finite-difference
    /// gradient of the scalar <paramref name="loss"/> with respect to each input.
    /// </summary>
    public static void Matches(Func<Tensor> loss, IReadOnlyList<(string Name, Tensor Input)> inputs, IReadOnlyList<Tensor> analytic)
    {
        for (var k = 0; k < inputs.Count; k++)
        {
            var (name, input) = inputs[k];
            Assert.Equal(ScalarType.Float64, input.DType);
            var numeric = Numeric(loss, input);
            var exact = analytic[k].ToArray<double>();
            Assert.True(numeric.Length == exact.Length, $"∂loss/∂{name}: {exact.Length} analytic elements for {numeric.Length} inputs");
            for (var i = 0; i < exact.Length; i++)
            {
                var scale = Math.Max(1.0, Math.Max(Math.Abs(exact[i]), Math.Abs(numeric[i])));
                var error = Math.Abs(exact[i] - numeric[i]) / scale;
                Assert.True(error <= RelativeTolerance,
                    $"∂loss/∂{name}[{i}]: autograd gives {exact[i]:R}, central differences give {numeric[i]:R} (relative error {error:G3} > {RelativeTolerance:G1})");
            }
        }
    }

    /// <summary>Runs <paramref name="loss"/> with gradients recorded, back-propagates, and checks every input's .Grad.</summary>
    public static void BackwardMatches(Func<Tensor> loss, params (string Name, Tensor Input)[] inputs)
    {
        foreach (var (_, input) in inputs)
        {
            input.Grad = null;
        }
        using (var value = loss())
        {
            value.Backward();
        }
        var grads = inputs.Select(i => i.Input.Grad ?? throw new InvalidOperationException($"{i.Name} received no gradient")).ToList();
        try
        {
            Matches(loss, inputs, grads);
        }
        finally
        {
            grads.ForEach(g => g.Dispose());
        }
    }

    private static double[] Numeric(Func<Tensor> loss, Tensor input)
    {
        var values = input.ToArray<double>();
        var shape = input.Shape;
        var gradient = new double[values.Length];
        using var noGrad = Autograd.NoGrad();
        for (var i = 0; i < values.Length; i++)
        {
            var original = values[i];
            values[i] = original + Step;
            var plus = Evaluate(loss, input, values, shape);
            values[i] = original - Step;
            var minus = Evaluate(loss, input, values, shape);
            values[i] = original;
            gradient[i] = (plus - minus) / (2 * Step);
        }
        using var restored = Tensor.From(values, shape);
        input.Copy_(restored);
        return gradient;
    }

    private static double Evaluate(Func<Tensor> loss, Tensor input, double[] values, long[] shape)
    {
        using var perturbed = Tensor.From(values, shape);
        input.Copy_(perturbed);
        using var value = loss();
        return value.Item();
    }
}
