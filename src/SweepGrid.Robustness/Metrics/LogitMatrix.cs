
namespace SweepGrid.Robustness.Metrics;

/// <summary>
/// The logits z of N samples over K classes, stored row-major as float32 (what a model emits).
/// Every metric that needs probabilities derives them from these rows in double precision, so
/// saturation of a float32 softmax never leaks into a metric.
/// </summary>
public sealed class LogitMatrix
{
    private readonly float[] values;

    /// <summary>Wraps <paramref name="values"/> (row-major, N·K elements; not copied) as N rows of <paramref name="classes"/> logits.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of the class count, or a value is NaN or infinite.</exception>
    public LogitMatrix(float[] values, int classes)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (values.Length % classes != 0)
        {
            throw new ArgumentException($"{values.Length} logits do not split into rows of {classes} classes", nameof(values));
        }
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"logit {i} (sample {i / classes}, class {i % classes}) is {values[i]}; logits must be finite", nameof(values));
            }
        }
        this.values = values;
        Classes = classes;
        Count = values.Length / classes;
    }

    /// <summary>Number of samples N.</summary>
    public int Count { get; }

    /// <summary>Number of classes K.</summary>
    public int Classes { get; }

    /// <summary>The K logits of sample <paramref name="sample"/>.</summary>
    public ReadOnlySpan<float> Row(int sample)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, Count);
        return values.AsSpan(sample * Classes, Classes);
    }

    /// <summary>Copies jagged rows (all of the same length) into a matrix.</summary>
    public static LogitMatrix FromRows(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("at least one row is needed to know the class count", nameof(rows));
        }
        var classes = rows[0].Length;
        var flat = new float[rows.Count * classes];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != classes)
            {
                throw new ArgumentException($"row {i} has {rows[i].Length} logits, row 0 has {classes}", nameof(rows));
            }
            rows[i].CopyTo(flat, i * classes);
        }
        return new LogitMatrix(flat, classes);
    }

    /// <summary>
    /// Copies a [N, K] floating-point tensor (any device) into a matrix; other float types are
    /// converted to float32 first.
    /// </summary>
    public static LogitMatrix FromTensor(Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var shape = logits.shape;
        if (shape.Length != 2)
        {
            throw new ArgumentException($"logits must have shape [N, K]; got [{string.Join(", ", shape)}]", nameof(logits));
        }
        if (!torch.is_floating_point(logits))
        {
            throw new ArgumentException($"logits must be floating point; got {logits.dtype}", nameof(logits));
        }
        if (logits.dtype == ScalarType.Float32)
        {
            return new LogitMatrix(logits.data<float>().ToArray(), checked((int)shape[1]));
        }
        using var asFloat = logits.to(ScalarType.Float32);
        return new LogitMatrix(asFloat.data<float>().ToArray(), checked((int)shape[1]));
    }

    /// <summary>
    /// The predicted class of every sample: the index of the largest logit, the first one on ties
    /// (as <c>torch.argmax</c> on the CPU).
    /// </summary>
    public int[] Predictions()
    {
        var predictions = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            predictions[i] = StableSoftmax.ArgMax(Row(i));
        }
        return predictions;
    }
}
