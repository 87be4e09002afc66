using Stow.Core.Outcomes;
using Stow.Cell.Outcomes;
using Stow.Cell.Shift;
using Stow.Core.Space;

namespace Stow.Sim.Cell.World;

/// <summary>
/// The simulator's side of the outcome report: beside each of the cell's readings it sets the world's truth of the same
/// attempt (<see cref="SimShiftWorld.LastTruth"/>; a motion that failed changed nothing in the world, so its truth is
/// the cell's own unproductive) and the re-perceived bin's free-volume error against the ground truth. Single-threaded.
/// </summary>
/// <param name="world">The world the cell acted on.</param>
public sealed class SimOutcomeScorer(SimShiftWorld world) : IAttemptScorer
{
    private WorldOutcome? _scored;

    /// <inheritdoc />
    /// <remarks>The world's true density of the pod at the station (existing inventory included).</remarks>
    public double? PodDensity => world.Density;

    /// <inheritdoc />
    public AttemptScore Score(StowAction action, WorldOutcome reading, BinSpaceEstimate reperceived)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(reperceived);
        // A truth is used once: an attempt whose motion failed never reached the world (LastTruth is the previous one).
        var truth = world.LastTruth is { } t && !ReferenceEquals(t, _scored) ? t : new WorldOutcome(StowOutcome.Unproductive, "motion failed");
        _scored = world.LastTruth;
        double? error = null;
        if (reperceived.Confidence < 1)
        {
            var bin = world.GroundTruth(reperceived.CaptureTime).Bins.First(b => b.Bin == action.Bin);
            error = Math.Abs(reperceived.FreeVolume - bin.FreeVolume) / world.PodType[action.Bin].Volume;
        }

        return new AttemptScore(truth.Kind, truth.Reason, error);
    }
}
