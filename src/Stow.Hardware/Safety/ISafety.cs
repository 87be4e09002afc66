using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.Safety;

/// <summary>
/// Safety controller interface: e-stop chain, guard door, protective stop, and the host heartbeat
/// (sent by every <c>Write</c>). The safety function itself lives in the safety PLC; this is its status.
/// <para>Threading: control-loop thread. Lifecycle: readable in Inactive and Active; heartbeats and
/// protective-stop requests only in Active.</para>
/// </summary>
public interface ISafety : ICommandedComponent
{
    /// <summary>Latest states.</summary>
    SafetyState State { get; }

    /// <summary>Requests a protective stop of the cell.</summary>
    /// <returns>Accepted, or NotActive.</returns>
    CommandStatus RequestProtectiveStop();

    /// <summary>Requests a reset of the protective stop (refused while the e-stop chain is open).</summary>
    /// <returns>Accepted, NotActive, or Stopped.</returns>
    CommandStatus RequestReset();
}
