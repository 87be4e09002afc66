namespace Stow.Hardware.Ur;

/// <summary>Program runtime states (RTDE <c>runtime_state</c>; RTDE guide values).</summary>
public enum UrRuntimeState
{
    /// <summary>STOPPING.</summary>
    Stopping = 0,

    /// <summary>STOPPED.</summary>
    Stopped = 1,

    /// <summary>PLAYING.</summary>
    Playing = 2,

    /// <summary>PAUSING.</summary>
    Pausing = 3,

    /// <summary>PAUSED.</summary>
    Paused = 4,

    /// <summary>RESUMING.</summary>
    Resuming = 5,
}
