using Stow.Core.Ids;

namespace Stow.Hardware.PodStation;

/// <summary>One sample of the pod station.</summary>
public struct PodStationState
{
    /// <summary>A pod is parked at the station.</summary>
    public bool PodPresent;

    /// <summary>Id of the present pod (default when none).</summary>
    public PodId Pod;

    /// <summary>Which face (0..3) faces the arm.</summary>
    public int Face;

    /// <summary>Swap progress.</summary>
    public PodSwapPhase Swap;

    /// <summary>Time of this sample [s].</summary>
    public double Stamp;
}
