
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
        var shape = images.shape;
        long n = shape[0], c = shape[1], h = shape[2], w = shape[3];
        using var scope = torch.NewDisposeScope();
        var flat = images.reshape(n, c, h * w);
        var x0 = sourceX.floor();
        var y0 = sourceY.floor();
        var fx = sourceX - x0;
        var fy = sourceY - y0;
        var x1 = x0 + 1;
        var y1 = y0 + 1;
        var sum = Corner(flat, x0, y0, (1 - fx) * (1 - fy), h, w)
            + Corner(flat, x1, y0, fx * (1 - fy), h, w)
            + Corner(flat, x0, y1, (1 - fx) * fy, h, w)
            + Corner(flat, x1, y1, fx * fy, h, w);
        return sum.reshape(n, c, h, w).MoveToOuterDisposeScope();
    }

    private static Tensor Corner(Tensor flat, Tensor x, Tensor y, Tensor weight, long h, long w)
    {
        var inside = x.ge(0).logical_and(x.le(w - 1)).logical_and(y.ge(0)).logical_and(y.le(h - 1));
        var index = ((y.clamp(0, h - 1) * w) + x.clamp(0, w - 1)).to(ScalarType.Int64);
        var shape = flat.shape;
        var gathered = flat.gather(2, index.unsqueeze(1).expand(shape[0], shape[1], shape[2]));
        var effective = inside.to(weight.dtype) * weight;
        return gathered * effective.unsqueeze(1).to(flat.dtype);
    }
}
