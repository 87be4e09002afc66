namespace Stow.Hardware.Ur.Rtde;

/// <summary>An RTDE request failed: no reply in time, a refused setup (the message names the fields), or no connection.</summary>
public sealed class RtdeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RtdeException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    public RtdeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="inner">Cause.</param>
    public RtdeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
