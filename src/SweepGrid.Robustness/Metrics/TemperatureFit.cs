namespace SweepGrid.Robustness.Metrics;

/// <summary>The outcome of fitting a temperature on a validation split.</summary>
/// <param name="Temperature">The fitted T &gt; 0; apply it as softmax(z/T).</param>
/// <param name="Iterations">Newton/bisection steps taken (0 when a bound or a flat NLL decided it).</param>
/// <param name="ReachedBound">The NLL minimum lies at or beyond the search bracket, so T is the bracket's end.</param>
/// <param name="Validation">NLL and ECE on the validation split before (T = 1) and after.</param>
public sealed record TemperatureFit(double Temperature, int Iterations, bool ReachedBound, TemperatureScalingReport Validation);
