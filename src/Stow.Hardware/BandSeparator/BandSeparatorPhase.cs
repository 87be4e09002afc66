namespace Stow.Hardware.BandSeparator;

/// <summary>Phase of the band separator.</summary>
public enum BandSeparatorPhase
{
    /// <summary>Parked; bands in place.</summary>
    Idle,

    /// <summary>Moving to hook the bands of the requested bin.</summary>
    Engaging,

    /// <summary>The bands of <see cref="BandSeparatorState.Bin"/> are held aside.</summary>
    Engaged,

    /// <summary>Letting the bands back.</summary>
    Releasing,

    /// <summary>The device reported a fault; release and reset needed.</summary>
    Fault,
}
