using SweepGrid.Robustness.Models;

namespace SweepGrid.Robustness.Tests.Models;

/// <summary>Seed 004's dropout layouts on [input, conv1, conv2, full, output].</summary>
public class DropoutLayoutTests
{
    [Theory]
    [InlineData("none", new[] { 0.0, 0, 0, 0, 0 })]
    [InlineData("inp", new[] { 0.2, 0, 0, 0, 0 })]
    [InlineData("all", new[] { 0.2, 0.2, 0.2, 0.5, 0.5 })]
    [InlineData(" ALL ", new[] { 0.2, 0.2, 0.2, 0.5, 0.5 })]
    [InlineData("0.1,0.2,0.3,0.4,0.5", new[] { 0.1, 0.2, 0.3, 0.4, 0.5 })]
    [InlineData("0,0,0,0.5,0", new[] { 0.0, 0, 0, 0.5, 0 })]
    public void Parse_reads_named_layouts_and_five_rates(string text, double[] expected)
    {
        var layout = DropoutLayout.Parse(text);

        Assert.Equal(expected, layout.Rates);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("inp")]
    [InlineData("all")]
    [InlineData("0.1,0.2,0.3,0.4,0.5")]
    public void Layout_prints_back_to_the_text_it_was_parsed_from(string text)
    {
        Assert.Equal(text, DropoutLayout.Parse(text).ToString());
    }

    [Theory]
    [InlineData("some", "five rates")]
    [InlineData("", "five rates")]
    [InlineData("0.1,0.2,0.3,0.4", "five rates")]
    [InlineData("0.1,0.2,0.3,0.4,0.5,0.6", "five rates")]
    [InlineData("0.1,0.2,0.3,0.4,1", "dropout rate '1'")]
    [InlineData("0.1,-0.2,0.3,0.4,0.5", "dropout rate '-0.2'")]
    [InlineData("0.1,x,0.3,0.4,0.5", "dropout rate 'x'")]
    public void Parse_rejects_unknown_names_wrong_counts_and_rates_outside_zero_to_one(string text, string expectedMessagePart)
    {
        var error = Assert.Throws<FormatException>(() => DropoutLayout.Parse(text));

        Assert.Contains(expectedMessagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_of_null_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => DropoutLayout.Parse(null!));
    }
}
