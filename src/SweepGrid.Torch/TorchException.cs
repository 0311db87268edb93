namespace SweepGrid.Torch;

/// <summary>An error raised by libtorch (shape mismatch, bad dtype, out of memory, …), carrying its message.</summary>
public class TorchException : Exception
{
    public TorchException(string message) : base(message) { }

    public TorchException(string message, Exception inner) : base(message, inner) { }

    public TorchException() { }
}
