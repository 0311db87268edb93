namespace SweepGrid.Reports.Figures;

/// <summary>
/// Text measurement for layout without a font engine. Charts name DejaVu Sans first (Debian's default
/// sans font, also used by rsvg and browsers on Linux); 0.62 em per character over-estimates its average
/// advance (digits 0.64 em, lower case ≈ 0.56 em), so a box sized with it holds the text in that font
/// and in narrower fallbacks.
/// </summary>
internal static class SvgText
{
    public const string FontFamily = "DejaVu Sans, Verdana, sans-serif";

    private const double EmPerCharacter = 0.62;

    // DejaVu Sans Bold advances about 10 % wider than Book.
    private const double BoldFactor = 1.12;

    public static double Width(string text, double fontSize, bool bold = false) => text.Length * fontSize * EmPerCharacter * (bold ? BoldFactor : 1);

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="maxWidth"/>: after ", " or
    /// " / " or a space where possible, otherwise hard within a word.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, double fontSize, double maxWidth, bool bold = false)
    {
        var perLine = Math.Max(4, (int)Math.Floor(maxWidth / Width("x", fontSize, bold)));
        var lines = new List<string>();
        var rest = text;
        while (rest.Length > perLine)
        {
            var cut = rest.LastIndexOf(' ', perLine);
            var at = cut > 0 ? cut + 1 : perLine;
            lines.Add(rest[..at].TrimEnd());
            rest = rest[at..];
        }

        lines.Add(rest);
        return lines;
    }
}
