namespace Stow.Hardware.PodStation;

/// <summary>Pod swap progress at the station.</summary>
public enum PodSwapPhase
{
    /// <summary>No swap under way.</summary>
    Idle,

    /// <summary>A swap was requested from the drive system.</summary>
    Requested,

    /// <summary>The old pod left; the new one is on its way.</summary>
    InTransit,

    /// <summary>A new pod arrived and is present; waiting for acknowledgement.</summary>
    Arrived,
}
