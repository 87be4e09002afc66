using Stow.Core.Outcomes;
using Stow.Cell.Shift;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Planning.Candidates;

namespace Stow.Cell.Outcomes;

/// <summary>
/// The cell's own reading of a stow attempt, from what it senses, never from the world's labels:
/// <list type="number">
/// <item>the motion failed (a primitive, the feed, a safety stop): unproductive, the item stays with the EOAT;</item>
/// <item>the EOAT's beams still see the item after the feed: unproductive (it did not go in; stopped short);</item>
/// <item>the feed stalled (<see cref="FeedSensing.Stalled"/>: the belt motor current rose by
/// <see cref="FeedSensing.StallCurrentRise"/> over its free-feed value, or the wrench sensor felt the contact force limit)
/// and the camera cannot show the bin: the item was pushed against something short of its planned depth: defect,
/// protruding, stopped short;</item>
/// <item>the re-perceived lane is blocked at the opening (free depth below <see cref="ProtrudingDepth"/>) although it had
/// room for the whole item (its free depth before, less the item's depth, above twice that), or is blocked after a
/// stalled feed: the item is left protruding past the band line: defect, stopped short (an item as deep as its lane, fed
/// freely, ends flush, and is not counted);</item>
/// <item>the re-perceived bin lost at least <see cref="InsideFraction"/> of the item's volume of free space, or its lane
/// at least that fraction of the item's depth: stowed;</item>
/// <item>otherwise the item is neither in the paddles nor seen in the bin: missing (dropped), defect.</item>
/// </list>
/// Damage inside the bin (an item that slumped or toppled behind the bands) cannot be seen this way: the simulator's
/// scorer counts those disagreements. When the camera cannot show a stowed item at all (a recorded camera serves the
/// same frames whatever the arm did), the reading stops after step 2: a completed feed with the beams clear is
/// stowed ("stowed (beams)"); protruding and missing items cannot be told apart from stowed ones then.
/// Stateless; thread-safe.
/// </summary>
public static class OutcomeClassifier
{
    /// <summary>Free depth of the item's lane [m] below which something sits in the opening plane (band line).</summary>
    public const double ProtrudingDepth = 0.02;

    /// <summary>Share of the item's volume (or depth) the bin must have lost for the item to count as inside.</summary>
    public const double InsideFraction = 0.5;

    /// <summary>Classifies one attempt.</summary>
    /// <param name="motion">How the motion went.</param>
    /// <param name="itemInPaddles">The EOAT's beam sensors see an item after the attempt.</param>
    /// <param name="action">The stow (item as measured, bin, lateral position, orientation).</param>
    /// <param name="bin">The bin's geometry.</param>
    /// <param name="before">The bin as perceived before the attempt.</param>
    /// <param name="after">The bin as re-perceived after it.</param>
    /// <returns>Outcome class, reason (<c>stowed</c>, <c>protruding</c>, <c>missing</c>, <c>still in paddles</c>, or the
    /// motion's failure) and whether the item stopped short of its planned depth.</returns>
    /// <param name="binVisible">False when the re-perceived bin cannot show the item (a recorded camera): the reading
    /// rests on the motion and the beams alone. Default true.</param>
    public static WorldOutcome Classify(MotionReport motion, bool itemInPaddles, StowAction action, BinSpec bin, BinSpaceEstimate before, BinSpaceEstimate after,
        bool binVisible = true)
    {
        ArgumentNullException.ThrowIfNull(motion);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!motion.Succeeded)
        {
            return new WorldOutcome(StowOutcome.Unproductive, motion.FailureReason ?? "motion failed");
        }

        if (itemInPaddles)
        {
            return new WorldOutcome(StowOutcome.Unproductive, "still in paddles", StoppedShort: true);
        }

        var stalled = motion.Feed is { Stalled: true };
        if (!binVisible)
        {
            // The feed ended with the item out of the paddles, and the camera cannot show where it went: the belts and the
            // wrench tell whether it went in freely.
            return stalled
                ? new WorldOutcome(StowOutcome.Defect, "protruding (feed stalled)", StoppedShort: true)
                : new WorldOutcome(StowOutcome.Stowed, "stowed (beams)");
        }

        OrientationRules.Extents(action.Item.Dimensions, action.Orientation, out var depth, out var width, out var height);
        var laneAfter = LanePlacement.LaneDepth(after, bin, action.Lateral, width, height);
        var laneBefore = LanePlacement.LaneDepth(before, bin, action.Lateral, width, height);
        if (laneAfter < ProtrudingDepth && laneBefore - depth > 2 * ProtrudingDepth)
        {
            // Something is in the opening plane although the lane had room for the whole item: it stopped short.
            return new WorldOutcome(StowOutcome.Defect, "protruding", StoppedShort: true);
        }

        if (laneAfter < ProtrudingDepth && stalled)
        {
            // A tight lane blocked at the opening after the feed was pushed against something: not flush, stopped short.
            return new WorldOutcome(StowOutcome.Defect, "protruding (feed stalled)", StoppedShort: true);
        }

        var volumeTaken = before.FreeVolume - after.FreeVolume;
        return volumeTaken >= InsideFraction * action.Item.Volume || laneBefore - laneAfter >= InsideFraction * depth
            ? new WorldOutcome(StowOutcome.Stowed, "stowed")
            : new WorldOutcome(StowOutcome.Defect, "missing");
    }
}
