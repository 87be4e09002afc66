namespace Stow.Cell.Hosting;

/// <summary>Something a shift needs is missing or invalid; the message says what and how to fix it. Nothing has moved.</summary>
public sealed class ShiftSetupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ShiftSetupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public ShiftSetupException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public ShiftSetupException()
    {
    }
}
