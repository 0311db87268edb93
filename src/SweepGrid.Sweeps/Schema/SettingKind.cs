namespace SweepGrid.Sweeps.Schema;

/// <summary>The type of a setting's value.</summary>
internal enum SettingKind
{
    Number,
    Integer,
    Boolean,
    Choice,
    Dropout,
    Stages,
}
