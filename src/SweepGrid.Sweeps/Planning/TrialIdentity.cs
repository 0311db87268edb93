using SweepGrid.Sweeps.Schema;

namespace SweepGrid.Sweeps.Planning;

/// <summary>
/// Builds the canonical definitions whose hashes identify trials and weights artifacts. Everything
/// that can change a result is in the definition; nothing else is (not the study, not the axis
/// order, not the YAML spelling), so identical work is recognised across studies.
/// </summary>
internal sealed class TrialIdentity(Func<string, string> datasetFingerprint, string scienceVersion)
{
    /// <summary>The definition of a training trial: its weights' inputs plus test set and evaluations.</summary>
    public string TrainDefinition(TrialPoint point, IReadOnlyList<string> evaluations)
    {
        var root = Common(point, "train");
        var dataset = (SortedDictionary<string, object?>)root["dataset"]!;
        dataset["test_limit"] = point.Value("dataset.test_limit");
        var oodDatasets = evaluations
            .Select(Spec.EvaluationGrammar.OodSet)
            .OfType<string>()
            .Where(SettingCatalog.Datasets.Contains)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (oodDatasets.Count > 0)
        {
            var ood = CanonicalJson.Object();
            foreach (var name in oodDatasets)
            {
                ood[name] = datasetFingerprint(name);
            }
            dataset["ood"] = ood;
        }
        root["evaluations"] = evaluations;
        return CanonicalJson.Write(root);
    }

    /// <summary>The definition of the trained weights: data seen in training, model, training config, seed.</summary>
    public string WeightsDefinition(TrialPoint point) => CanonicalJson.Write(Common(point, "weights"));

    /// <summary>An ensemble: its members (sorted, so member order does not matter) and evaluations.</summary>
    public string EnsembleDefinition(IEnumerable<string> memberIds, IReadOnlyList<string> evaluations)
    {
        var root = CanonicalJson.Object();
        root["kind"] = "ensemble";
        root["members"] = memberIds.Order(StringComparer.Ordinal).ToList();
        root["evaluations"] = evaluations;
        root["science_version"] = scienceVersion;
        return CanonicalJson.Write(root);
    }

    private SortedDictionary<string, object?> Common(TrialPoint point, string kind)
    {
        var dataset = point.Section("dataset");
        // The test limit decides what is evaluated, not what is learned, so the weights key omits it.
        dataset.Remove("test_limit");
        dataset["fingerprint"] = datasetFingerprint(point.Text("dataset.name"));
        var outliers = point.Text("training.outlier_exposure.dataset");
        if (outliers != "none")
        {
            // Outlier exposure trains on a second dataset: its files are part of what the weights learned.
            dataset["outliers"] = datasetFingerprint(outliers);
        }
        var training = point.Section("training");
        training["seed"] = point.Seed;
        var root = CanonicalJson.Object();
        root["kind"] = kind;
        root["dataset"] = dataset;
        root["model"] = point.Section("model");
        root["training"] = training;
        root["science_version"] = scienceVersion;
        return root;
    }
}
