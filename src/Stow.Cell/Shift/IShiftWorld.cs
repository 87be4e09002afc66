using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Core.Space;

namespace Stow.Cell.Shift;

/// <summary>
/// The pod side of the shift: the pod at the station, and the stow done to it. The cell never reads an outcome or a
/// ground truth from it: it reads its own sensors (<see cref="Outcomes.OutcomeClassifier"/>). Called from the shift thread only.
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

    /// <summary>The item leaves the paddles into the bin after the motion succeeded (a simulated world moves it; a real
    /// one already has).</summary>
    void Apply(StowAction action);
}
