using SweepGrid.Sweeps.Errors;
using SweepGrid.Sweeps.Spec;
using SweepGrid.Sweeps.Yaml;

namespace SweepGrid.Sweeps;

/// <summary>
/// A parsed and checked sweep spec (see docs/spec-reference.md). Instances are immutable once returned
/// by <see cref="Load"/> or <see cref="Parse"/> and safe to share between threads; turn one into trials
/// with <see cref="StudyPlanner.Expand(SweepSpec, string?, string, string, PlannerOptions?)"/>.
/// </summary>
public sealed class SweepSpec
{
    /// <summary>Spec files larger than this are refused: a spec is a page of YAML, not data.</summary>
    public const int MaxSpecBytes = 1 << 20;

    internal SweepSpec(string fileName, SpecNode root)
    {
        FileName = fileName;
        Root = root;
        Evaluations = [new EvaluationItem("clean", root, "evaluation")];
    }

    /// <summary>The file name errors are reported against.</summary>
    public string FileName { get; }

    /// <summary><c>study.name</c>.</summary>
    public string StudyName { get; internal set; } = "";

    /// <summary><c>study.description</c>, if given.</summary>
    public string? Description { get; internal set; }

    /// <summary>
    /// <c>study.accuracy_floor</c>: clean accuracy below which a trained model is flagged as not trained enough
    /// for its robustness numbers to mean anything; null when the spec states none (near-chance models are flagged anyway).
    /// </summary>
    public double? AccuracyFloor { get; internal set; }

    /// <summary>The paper's qualitative claims the study checks (<c>findings</c>), in file order.</summary>
    public IReadOnlyList<Finding> Findings { get; internal set; } = [];

    /// <summary>The names of the spec's profiles, in file order.</summary>
    public IReadOnlyList<string> ProfileNames => [.. Profiles.Keys];

    internal SpecNode Root { get; }

    internal Dictionary<string, Assignment> BaseSettings { get; } = new(StringComparer.Ordinal);

    internal IReadOnlyList<long> Seeds { get; set; } = [1];

    internal SpecNode? SeedsOrigin { get; set; }

    internal IReadOnlyList<EvaluationItem> Evaluations { get; set; }

    internal IReadOnlyList<SpecAxis> Axes { get; set; } = [];

    internal SpecNode? AxesOrigin { get; set; }

    internal EnsembleSpec? Ensembles { get; set; }

    internal IReadOnlyDictionary<string, ProfileSpec> Profiles { get; set; } = new Dictionary<string, ProfileSpec>();

    internal SpecNode? ProfilesOrigin { get; set; }

    /// <summary>
    /// Reads and checks the spec file at <paramref name="path"/>; errors name the path as given.
    /// </summary>
    /// <remarks>At most <see cref="MaxSpecBytes"/> + 1 bytes are read whatever the source (a device, a pipe),
    /// so an endless or huge source is refused in bounded time and memory; bytes that are not UTF-8 are refused.</remarks>
    /// <exception cref="SpecException">The file cannot be read, is too large or not UTF-8, or the spec is invalid (all errors listed).</exception>
    public static SweepSpec Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(ReadText(path), path);
    }

    /// <summary>
    /// The text of the spec file at <paramref name="path"/>, read as <see cref="Load"/> reads it (at most
    /// <see cref="MaxSpecBytes"/> bytes, strict UTF-8), without checking it as a spec.
    /// </summary>
    /// <exception cref="SpecException">The file cannot be read, is too large or is not UTF-8.</exception>
    public static string ReadText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return SpecText.Read(path);
    }

    /// <summary>
    /// Parses and checks spec bytes (e.g. an HTTP request body): more than <see cref="MaxSpecBytes"/> bytes
    /// or bytes that are not UTF-8 are refused with the byte offset, before any YAML is read.
    /// </summary>
    /// <exception cref="SpecException">The bytes are too many or not UTF-8, or the spec is invalid.</exception>
    public static SweepSpec ParseUtf8(ReadOnlySpan<byte> utf8, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Parse(SpecText.Decode(utf8, fileName), fileName);
    }

    /// <summary>
    /// Parses and checks spec text. Every problem is collected before throwing (never only the first),
    /// each with line, column, field path and what is allowed.
    /// </summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="fileName">The name errors are reported against.</param>
    /// <exception cref="SpecException">The YAML is malformed or the spec is invalid.</exception>
    public static SweepSpec Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var errors = new ErrorSink(fileName);
        if (text.Length > MaxSpecBytes)
        {
            errors.Add(1, 1, "", $"the spec has {text.Length:N0} characters; a spec may have at most {MaxSpecBytes:N0}");
            errors.ThrowIfAny();
        }
        var root = SpecTreeReader.Read(text, errors);
        errors.ThrowIfAny();
        var spec = SpecReader.Read(root!, fileName, errors);
        errors.ThrowIfAny();
        return spec;
    }
}
