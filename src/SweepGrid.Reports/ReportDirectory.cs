namespace SweepGrid.Reports;

/// <summary>A study's report directory: created on first use; files are written into it atomically and remembered.</summary>
internal sealed class ReportDirectory
{
    private readonly List<string> written = [];

    public ReportDirectory(string outDir, string studyName)
    {
        Path = System.IO.Path.Combine(outDir, ReportWriter.StudyDirectoryName(studyName));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Full paths of the files written so far, in order.</summary>
    public IReadOnlyList<string> Written => written;

    public void Emit(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        AtomicFile.WriteAllText(path, text);
        written.Add(path);
    }

    public ReportOutput Output() => new(Path, written);
}
