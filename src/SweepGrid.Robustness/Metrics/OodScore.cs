namespace SweepGrid.Robustness.Metrics;

/// <summary>The logit-based out-of-distribution scores (ODIN needs input gradients and is computed elsewhere).</summary>
public enum OodScore
{
    /// <summary>Max softmax probability (MSP); anomaly score −MSP.</summary>
    MaxSoftmaxProbability,

    /// <summary>Max logit; anomaly score −max_k z_k.</summary>
    MaxLogit,

    /// <summary>Entropy H(p) of the softmax in nats; anomaly score +H(p).</summary>
    Entropy,
}
