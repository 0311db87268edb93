using System.Globalization;
using System.Text.Json;

namespace SweepGrid.Sweeps.Values;

/// <summary>
/// A checked value of one setting (a leaf of the spec such as <c>model.temperature</c>). Equal values
/// have equal <see cref="Text"/> and write identical canonical JSON, whatever their spelling in YAML.
/// </summary>
internal abstract record SettingValue
{
    /// <summary>The canonical text (numbers in shortest round-trip invariant form).</summary>
    public abstract string Text { get; }

    /// <summary>The value as a number, when it is one.</summary>
    public virtual double? Numeric => null;

    public abstract void WriteJson(Utf8JsonWriter writer);

    /// <summary>Shortest round-trip invariant text of a double; -0 reads as 0.</summary>
    public static string Format(double value) =>
        value == 0 ? "0" : value.ToString("R", CultureInfo.InvariantCulture);
}

internal sealed record NumberValue(double Value) : SettingValue
{
    public override string Text => Format(Value);

    public override double? Numeric => Value;

    public override void WriteJson(Utf8JsonWriter writer) => writer.WriteRawValue(Text);
}

internal sealed record IntegerValue(long Value) : SettingValue
{
    public override string Text => Value.ToString(CultureInfo.InvariantCulture);

    public override double? Numeric => Value;

    public override void WriteJson(Utf8JsonWriter writer) => writer.WriteNumberValue(Value);
}

internal sealed record BoolValue(bool Value) : SettingValue
{
    public override string Text => Value ? "true" : "false";

    public override void WriteJson(Utf8JsonWriter writer) => writer.WriteBooleanValue(Value);
}

internal sealed record TextValue(string Value) : SettingValue
{
    public override string Text => Value;

    public override void WriteJson(Utf8JsonWriter writer) => writer.WriteStringValue(Value);
}

/// <summary>Adversarial-training stages: each (epochs, weight) pair, in order; the last weight continues.</summary>
internal sealed record StagesValue(IReadOnlyList<AdversarialStage> Stages) : SettingValue
{
    public override string Text =>
        Stages.Count == 0 ? "none" : string.Join(",", Stages.Select(s => $"{s.Epochs}x{Format(s.Weight)}"));

    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var stage in Stages)
        {
            writer.WriteStartObject();
            writer.WriteNumber("epochs", stage.Epochs);
            writer.WritePropertyName("weight");
            writer.WriteRawValue(Format(stage.Weight));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public bool Equals(StagesValue? other) => other is not null && Stages.SequenceEqual(other.Stages);

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
}
