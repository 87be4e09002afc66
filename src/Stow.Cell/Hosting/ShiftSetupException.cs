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

    /// <summary>The configuration field at fault as a key path (<c>Cell:Perception:Mode</c>), or empty when none is.</summary>
    public string Field { get; init; } = string.Empty;

    /// <summary>Where the fault is, as <c>file:line:column</c> (or the setting's source), or empty when not yet known.</summary>
    public string Location { get; init; } = string.Empty;
}
