namespace Stow.Hardware.Safety;

/// <summary>One sample of the safety controller's status.</summary>
public struct SafetyState
{
    /// <summary>The e-stop chain is closed (no e-stop pressed).</summary>
    public bool EStopChainClosed;

    /// <summary>The guard door is closed and locked.</summary>
    public bool GuardDoorClosed;

    /// <summary>A protective stop is in force.</summary>
    public bool ProtectiveStop;

    /// <summary>The safety controller's heartbeat from the host arrived within its timeout.</summary>
    public bool HeartbeatOk;

    /// <summary>Heartbeats counted by the safety controller.</summary>
    public long HeartbeatCount;

    /// <summary>Time of this sample [s].</summary>
    public double Stamp;

    /// <summary>True when motion may be commanded: chain closed, door closed, no protective stop, heartbeat ok.</summary>
    public readonly bool MotionAllowed => EStopChainClosed && GuardDoorClosed && !ProtectiveStop && HeartbeatOk;
}
