namespace Stow.Hardware.Drivers;

/// <summary>Outcome of one driver transaction, as the driver acts on it.</summary>
internal enum LinkOutcome
{
    /// <summary>Valid response matching the request.</summary>
    Ok,

    /// <summary>Line error after retries; the master is not faulted yet.</summary>
    Transient,

    /// <summary>The device answered with an exception (a refused request or address).</summary>
    Refused,

    /// <summary>The master is faulted (persistent line errors) or the line is closed.</summary>
    Faulted,
}
