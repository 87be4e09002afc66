using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Core.Space;

namespace Stow.Cell.Shift;

/// <summary>
/// The pod side of the shift: the pod at the station, the effect of a stow on it, and (in the
/// simulator) its ground truth. Called from the shift thread only.
/// </summary>
public interface IShiftWorld
{
    /// <summary>Face geometry of the pod at the station.</summary>
    PodType PodType { get; }

    /// <summary>Id of the pod at the station.</summary>
    PodId Pod { get; }

    /// <summary>Volumetric density of the pod at the station now (item volume / bin volume).</summary>
    double Density { get; }

    /// <summary>Sends the pod away and brings the next one.</summary>
    void NextPod();

    /// <summary>Ground-truth space of every bin (simulator), stamped with <paramref name="captureTime"/> [s].</summary>
    PodSpaceEstimate GroundTruth(double captureTime);

    /// <summary>Applies the stow to the world after the motion succeeded, and says what happened to the item.</summary>
    WorldOutcome Apply(StowAction action);
}
