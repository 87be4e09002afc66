namespace Stow.Hardware.Ur.Dashboard;

/// <summary>A dashboard command failed: no connection, no reply in time, or a reply that is not the success text.</summary>
public sealed class UrDashboardException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UrDashboardException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed (names the command and the reply).</param>
    public UrDashboardException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="inner">Cause.</param>
    public UrDashboardException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
