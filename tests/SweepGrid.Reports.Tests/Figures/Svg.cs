using System.Globalization;
using System.Xml.Linq;

namespace SweepGrid.Reports.Tests.Figures;

/// <summary>Reads rendered SVG back: panels, series, points, legends and the canvas.</summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XDocument Parse(string svg) => XDocument.Parse(svg);

    public static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    public static (double Width, double Height) Canvas(XDocument svg) => (Number(svg.Root!, "width"), Number(svg.Root!, "height"));

    public static List<XElement> Groups(XContainer parent, string cssClass) =>
        parent.Descendants(Ns + "g").Where(g => (string?)g.Attribute("class") == cssClass).ToList();

    public static List<XElement> Panels(XDocument svg) => Groups(svg, "panel");

    public static List<string> SeriesLabels(XContainer panel) =>
        Groups(panel, "series").Select(s => (string)s.Attribute("data-label")!).ToList();

    /// <summary>The circle centres of a line series, in document (x) order.</summary>
    public static List<(double X, double Y)> Points(XElement series) =>
        series.Elements(Ns + "circle").Select(c => (Number(c, "cx"), Number(c, "cy"))).ToList();

    /// <summary>Legend text lines with their position: (x, y, text) for every tspan (or text without tspans).</summary>
    public static List<(double X, double Y, string Text, bool Bold)> LegendLines(XContainer panel) =>
        Groups(panel, "legend").SelectMany(l => l.Elements(Ns + "text")).SelectMany(t =>
        {
            var bold = (string?)t.Attribute("font-weight") == "bold";
            var spans = t.Elements(Ns + "tspan").ToList();
            if (spans.Count == 0)
            {
                return [(Number(t, "x"), Number(t, "y"), t.Value, bold)];
            }

            var y = Number(t, "y");
            return spans.Select(s =>
            {
                y += Number(s, "dy");
                return (Number(s, "x"), y, s.Value, bold);
            }).ToList();
        }).ToList();
}
