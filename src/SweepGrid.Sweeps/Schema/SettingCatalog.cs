using SweepGrid.Sweeps.Values;

namespace SweepGrid.Sweeps.Schema;

/// <summary>
/// Every setting a spec can give under <c>dataset</c>, <c>model</c> and <c>training</c>, with defaults
/// and allowed values. Axes, profiles and ensemble members address these by their dotted paths.
/// </summary>
internal static class SettingCatalog
{
    /// <summary>Catalog datasets; each has a 10,000-image test split.</summary>
    public static readonly IReadOnlyList<string> Datasets = ["mnist", "fashion-mnist", "kmnist"];

    public static readonly IReadOnlyList<string> ModelKinds = ["mlp", "lenet", "m3", "m5", "m7", "ablation"];

    /// <summary>The named LeNet dropout layouts and their five rates (input, conv1, conv2, full, output).</summary>
    public static readonly IReadOnlyDictionary<string, double[]> DropoutLayouts = new Dictionary<string, double[]>
    {
        ["none"] = [0, 0, 0, 0, 0],
        ["inp"] = [0.2, 0, 0, 0, 0],
        ["all"] = [0.2, 0.2, 0.2, 0.5, 0.5],
    };

    /// <summary>Seed 001's staged adversarial-training weights.</summary>
    public static readonly IReadOnlyList<AdversarialStage> Seed001Stages =
        [new(1, 0.1), new(3, 0.5), new(3, 0.75)];

    public static readonly IReadOnlyList<Setting> All =
    [
        Choice("dataset.name", Datasets, "mnist", "catalog dataset trained and tested on"),
        Integer("dataset.train_limit", 0, Bound.AtLeast(0), null, "train on this many images of a seeded sample (0 = all)"),
        Integer("dataset.test_limit", 0, Bound.AtLeast(0), null, "evaluate on the first N test images (0 = all)"),
        Integer("dataset.validation", 0, Bound.AtLeast(0), Bound.Below(60000), "images held out of training for temperature scaling"),

        Choice("model.kind", ModelKinds, "mlp", "architecture"),
        Number("model.temperature", 1, Bound.Above(0), null, "sigmoid temperature T of the MLP's hidden layer"),
        Integer("model.hidden_units", 256, Bound.AtLeast(1), Bound.AtMost(65536), "hidden units of the MLP"),
        new Setting("model.dropout", SettingKind.Dropout, new TextValue("none"), "LeNet dropout layout")
        {
            Choices = ["none", "inp", "all"],
        },
        Choice("model.activation", ["relu", "gelu"], "relu", "activation of m3/m5/m7"),
        Choice("model.ablation", ["original", "no-dropout", "no-batchnorm", "no-steplr", "conv-instead-of-pool"], "original", "variant of the ablation CNN"),

        Integer("training.epochs", 1, Bound.AtLeast(1), Bound.AtMost(10000), "passes over the training set"),
        Integer("training.batch_size", 64, Bound.AtLeast(1), Bound.AtMost(65536), "mini-batch size"),
        Choice("training.optimizer.kind", ["adam", "adamw", "sgd"], "adam", "optimizer"),
        Number("training.optimizer.lr", 0.001, Bound.Above(0), null, "learning rate"),
        Number("training.optimizer.momentum", 0, Bound.AtLeast(0), Bound.Below(1), "SGD momentum"),
        Boolean("training.optimizer.nesterov", false, "Nesterov momentum (SGD with momentum > 0)"),
        Number("training.optimizer.weight_decay", 0, Bound.AtLeast(0), null, "weight decay"),
        Choice("training.schedule.kind", ["none", "step", "exponential", "inv"], "none", "learning-rate schedule"),
        Integer("training.schedule.step_size", 1, Bound.AtLeast(1), null, "epochs per step of the step schedule"),
        new Setting("training.schedule.gamma", SettingKind.Number, null, "decay factor; default 0.7 (step), 0.98 (exponential), 1e-4 (inv)")
        {
            Min = Bound.Above(0),
        },
        Number("training.mixup", 0, Bound.AtLeast(0), null, "MixUp alpha (0 = off)"),
        Number("training.augmentation.rotation", 0, Bound.AtLeast(0), Bound.AtMost(180), "random rotation, degrees"),
        Number("training.augmentation.translation", 0, Bound.AtLeast(0), Bound.AtMost(14), "random translation, pixels"),
        Boolean("training.augmentation.flip", false, "random horizontal flip"),
        Number("training.augmentation.noise", 0, Bound.AtLeast(0), null, "Gaussian-noise augmentation sigma"),
        Number("training.adversarial.epsilon", 0, Bound.AtLeast(0), Bound.AtMost(1), "FGSM adversarial-training epsilon (0 = off)"),
        Number("training.adversarial.weight", 0.5, Bound.Above(0), Bound.AtMost(1), "constant weight of the adversarial loss"),
        new Setting("training.adversarial.stages", SettingKind.Stages, new StagesValue([]), "staged adversarial weights (instead of weight)"),
        Choice("training.outlier_exposure.dataset", ["none", .. Datasets], "none", "outlier exposure: catalog dataset whose training images are the outliers (none = off)"),
        Number("training.outlier_exposure.weight", 0.5, Bound.Above(0), null, "weight of the outlier-exposure loss term"),
        Choice("training.committee.kind", ["standard", "adversarial"], "standard", "committee a trained model belongs to"),
        Integer("training.committee.member", 1, Bound.AtLeast(1), Bound.AtMost(64), "committee member this training yields (1 = the plain model)"),
        Integer("training.committee.iterations", 500, Bound.AtLeast(1), Bound.AtMost(1000000), "adversarial committee: mini-batches per snapshot"),
        Number("training.committee.epsilon", 0.1, Bound.Above(0), Bound.AtMost(1), "adversarial committee: FGSM epsilon of the training examples"),
        Number("training.committee.gradient_scale", 0, Bound.AtLeast(0), null, "adversarial committee: c, the scaled-gradient second stage (0 = off)"),
    ];

    private static readonly Dictionary<string, Setting> ByPath = All.ToDictionary(s => s.Path, StringComparer.Ordinal);

    private static readonly Dictionary<string, List<string>> ChildrenByGroup = BuildGroups();

    /// <summary>The top-level sections that hold settings.</summary>
    public static readonly IReadOnlyList<string> Sections = ["dataset", "model", "training"];

    public static Setting? Find(string path) => ByPath.GetValueOrDefault(path);

    public static bool IsGroup(string path) => ChildrenByGroup.ContainsKey(path);

    /// <summary>Names directly under a group ("" for the top: dataset, model, training), in catalog order.</summary>
    public static IReadOnlyList<string> Children(string group) =>
        ChildrenByGroup.TryGetValue(group, out var children) ? children : [];

    private static Dictionary<string, List<string>> BuildGroups()
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var setting in All)
        {
            var path = setting.Path;
            while (path.Length > 0)
            {
                var dot = path.LastIndexOf('.');
                var parent = dot < 0 ? "" : path[..dot];
                var name = path[(dot + 1)..];
                if (!groups.TryGetValue(parent, out var children))
                {
                    groups[parent] = children = [];
                }
                if (!children.Contains(name))
                {
                    children.Add(name);
                }
                path = parent;
            }
        }
        return groups;
    }

    private static Setting Number(string path, double value, Bound? min, Bound? max, string doc) =>
        new(path, SettingKind.Number, new NumberValue(value), doc) { Min = min, Max = max };

    private static Setting Integer(string path, long value, Bound? min, Bound? max, string doc) =>
        new(path, SettingKind.Integer, new IntegerValue(value), doc) { Min = min, Max = max };

    private static Setting Boolean(string path, bool value, string doc) =>
        new(path, SettingKind.Boolean, new BoolValue(value), doc);

    private static Setting Choice(string path, IReadOnlyList<string> choices, string value, string doc) =>
        new(path, SettingKind.Choice, new TextValue(value), doc) { Choices = choices };
}
