using SweepGrid.Robustness.Tests.Conditions;

namespace SweepGrid.Robustness.Tests.Oracles;

/// <summary>
/// Oracles/oracles.py (torchvision and scikit-learn) through the same runner as the python3-torch parity tests.
/// When a module is missing the tests fail with the install hint when CI=true and are skipped elsewhere.
/// </summary>
internal static class PythonOracle
{
    private static readonly string[] Modules = ["torch", "torchvision", "sklearn.metrics", "numpy"];

    /// <summary>Fails (CI=true) or skips the calling test when the oracles cannot run here.</summary>
    public static void RequireAvailable() => PythonParity.Require(Modules, skipOutsideCi: true);

    public static PythonParity Open() => new("Oracles/oracles.py", Modules, skipOutsideCi: true);
}
