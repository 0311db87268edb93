namespace SweepGrid.Robustness.Conditions;

/// <summary>A condition list names an unknown condition, is malformed, or gives a value outside its range.</summary>
public sealed class InvalidConditionException : FormatException
{
    public InvalidConditionException(string token, string message)
        : base(message) => Token = token;

    public InvalidConditionException()
    {
        Token = string.Empty;
    }

    public InvalidConditionException(string message)
        : base(message)
    {
        Token = string.Empty;
    }

    public InvalidConditionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Token = string.Empty;
    }

    /// <summary>The offending entry of the list, as written.</summary>
    public string Token { get; }
}
