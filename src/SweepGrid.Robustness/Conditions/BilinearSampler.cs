using SweepGrid.Torch;

namespace SweepGrid.Robustness.Conditions;

/// <summary>
/// Bilinear sampling of images at arbitrary source coordinates, as gathers on the flattened images
/// (grid_sample with align_corners = true and zero padding, written with the ops the binding has).
/// </summary>
internal static class BilinearSampler
{
    /// <param name="images">[N, C, H, W].</param>
    /// <param name="sourceX">[N, H·W] column coordinates to read for each output pixel (row-major order).</param>
    /// <param name="sourceY">[N, H·W] row coordinates.</param>
    /// <returns>[N, C, H, W]; points outside the image read 0 (MNIST's background).</returns>
    public static Tensor Sample(Tensor images, Tensor sourceX, Tensor sourceY)
    {
        var shape = images.Shape;
        long n = shape[0], c = shape[1], h = shape[2], w = shape[3];
        using var scope = DisposeScope.Begin();
        var flat = images.Reshape(n, c, h * w);
        var x0 = sourceX.Floor();
        var y0 = sourceY.Floor();
        var fx = sourceX - x0;
        var fy = sourceY - y0;
        var x1 = x0 + 1;
        var y1 = y0 + 1;
        var sum = Corner(flat, x0, y0, (1 - fx) * (1 - fy), h, w)
            + Corner(flat, x1, y0, fx * (1 - fy), h, w)
            + Corner(flat, x0, y1, (1 - fx) * fy, h, w)
            + Corner(flat, x1, y1, fx * fy, h, w);
        return sum.Reshape(n, c, h, w).MoveToOuterDisposeScope();
    }

    private static Tensor Corner(Tensor flat, Tensor x, Tensor y, Tensor weight, long h, long w)
    {
        var inside = x.Ge(0).LogicalAnd(x.Le(w - 1)).LogicalAnd(y.Ge(0)).LogicalAnd(y.Le(h - 1));
        var index = ((y.Clamp(0, h - 1) * w) + x.Clamp(0, w - 1)).To(ScalarType.Int64);
        var shape = flat.Shape;
        var gathered = flat.Gather(2, index.Unsqueeze(1).Expand(shape[0], shape[1], shape[2]));
        var effective = inside.To(weight.DType) * weight;
        return gathered * effective.Unsqueeze(1).To(flat.DType);
    }
}
