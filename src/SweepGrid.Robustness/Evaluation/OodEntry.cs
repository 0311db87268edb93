using System.Globalization;
using SweepGrid.Robustness.Conditions;

namespace SweepGrid.Robustness.Evaluation;

/// <summary>
/// An out-of-distribution entry: the OOD set and ODIN's temperature T and perturbation ε. The name is
/// "ood=&lt;set&gt;" at Liang et al.'s defaults (T = 1000, ε = 0.0014), else the options that differ follow in
/// alphabetical order: "ood=fashion-mnist;epsilon=0.1;temperature=0.33" (seed 001's best ODIN).
/// </summary>
public sealed record OodEntry(string Set, double Temperature = Odin.DefaultTemperature, double Epsilon = Odin.DefaultEpsilon)
{
    public string Name
    {
        get
        {
            var name = "ood=" + Set;
            if (Epsilon != Odin.DefaultEpsilon)
            {
                name += ";epsilon=" + Epsilon.ToString("R", CultureInfo.InvariantCulture);
            }
            if (Temperature != Odin.DefaultTemperature)
            {
                name += ";temperature=" + Temperature.ToString("R", CultureInfo.InvariantCulture);
            }
            return name;
        }
    }

    /// <summary>A catalog dataset (not one of the synthetic sets "noise" and "gaussian").</summary>
    public bool IsDataset => Set is not ("noise" or "gaussian");
}
