using Stow.Core.Outcomes;
using Stow.Cell.Shift;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Perception.Change;
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
/// <item>with the bin's depth change over the attempt (<see cref="DepthChangeProfile"/>, the frames before and after of the
/// bin's camera, summed over the item's lateral span ± <see cref="LaneMargin"/>):
/// <list type="bullet">
/// <item>at least <see cref="ProtrudingShare"/> of the item's front face came closer with its new surface near the opening
/// plane, and the lane had room for the whole item (its free depth before, less the item's depth, above twice
/// <see cref="ProtrudingDepth"/>) or the feed stalled: protruding past the band line, defect, stopped short (an item as
/// deep as its lane, fed freely, ends flush, and is not counted);</item>
/// <item>at least <see cref="StowedShare"/> of its front face came closer: stowed;</item>
/// <item>the feed stalled and the re-perceived lane is blocked at the opening: protruding (feed stalled);</item>
/// <item>the space estimate shows the item (the bin lost at least <see cref="InsideFraction"/> of the item's volume of
/// free space, or its lane that share of its depth): "stowed (space estimate)"; the camera may not see into the lane (a
/// thin item against the side wall nearer the camera);</item>
/// <item>otherwise the item is neither in the paddles nor seen in the bin: missing (dropped), defect;</item>
/// </list></item>
/// <item>without a depth change (a perception with no frames, e.g. ground truth), from the space estimates alone: the
/// re-perceived lane is blocked at the opening (free depth below <see cref="ProtrudingDepth"/>) although it had room for
/// the whole item, or is blocked after a stalled feed: protruding; the estimate shows the item (as above): stowed;
/// otherwise missing.</item>
/// </list>
/// Why the depth change first: on the default run (seed 1) the re-perceived space estimate read 14 of 387 items the world
/// had stowed as protruding (the lane's estimated free depth dropped to under 2 cm although none of the item's face that the
/// depth change showed, 0.5-1.6 of its area, lay near the opening plane) and one as missing; the depth change showed no
/// change at all for every item the world did not stow.
/// Damage inside the bin (an item that broke behind the bands) cannot be seen this way: the simulator's
/// scorer counts those disagreements. When the camera cannot show a stowed item at all (a recorded camera serves the
/// same frames whatever the arm did), the reading stops after step 3: a completed feed with the beams clear is
/// stowed ("stowed (beams)"); protruding and missing items cannot be told apart from stowed ones then.
/// Stateless; thread-safe.
/// </summary>
public static class OutcomeClassifier
{
    /// <summary>Free depth of the item's lane [m] below which something sits in the opening plane (band line).</summary>
    public const double ProtrudingDepth = 0.02;

    /// <summary>Share of the item's volume (or depth) the bin must have lost for the item to count as inside.</summary>
    public const double InsideFraction = 0.5;

    /// <summary>
    /// Share of the item's front face (width × height) that must have come closer to the camera over its lane for the item
    /// to be seen inside the bin (0.2). Measured with seed 1 (<c>BinDepthChange</c> as it is): on the default run, the 387
    /// items the world stowed showed 0.27-2.1 of their face (more than 1 where the top face shows too), except three thin
    /// ones (2.6-3.1 cm wide) against the side wall nearer the camera, which showed nothing; the noisy world
    /// (<c>config/worlds/noisy.json</c>, three times the depth noise) and floor-arrivals each had two or three stowed items
    /// under 0.2. Every item the world did not stow (broken, dropped, protruding: gone from the bin) showed 0.00 on all three.
    /// </summary>
    public const double StowedShare = 0.2;

    /// <summary>
    /// Share of the item's front face that must have come closer with its new surface near the opening plane (within
    /// <see cref="BinDepthChange.DefaultNearDepth"/>, 2 cm, or in front of it) for the item to be read as protruding (0.25;
    /// a chosen figure: an item left in the band line shows most of its face there). Items the world stowed flush with the
    /// opening showed up to 0.91 on the seed-1 runs: the reading tells them apart only by the lane's room before the attempt
    /// (see the type's remarks); the simulator removes a protruding item from the bin, so its runs never show the case.
    /// </summary>
    public const double ProtrudingShare = 0.25;

    /// <summary>
    /// Items at least this wide [m] cannot hide from the cameras behind a side wall (0.06). Measured on the seed 1-3 runs
    /// of 2026-11-30: every item the world stowed whose depth change showed nothing anywhere in the bin, and which the
    /// lane's estimate alone vouched for, was at most 3.4 cm wide; the two items read as stowed that way that the world
    /// had not stowed (base-rate defects, gone from the bin) were 9.1 and 14.9 cm wide.
    /// </summary>
    public const double HideableWidth = 0.06;

    /// <summary>Area that came closer anywhere in the bin below which the frames count as unchanged [m²] (1 cm²).</summary>
    public const double NothingChanged = 1e-4;

    /// <summary>Lateral margin each side of the item's planned span [m] over which the depth change is summed (the EOAT's
    /// lateral placement tolerance and the item settling sideways; a chosen figure).</summary>
    public const double LaneMargin = 0.02;

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
    /// <param name="change">How the bin's depth image changed over the attempt; null when not measured.</param>
    public static WorldOutcome Classify(MotionReport motion, bool itemInPaddles, StowAction action, BinSpec bin, BinSpaceEstimate before, BinSpaceEstimate after,
        bool binVisible = true, DepthChangeProfile? change = null)
    {
        ArgumentNullException.ThrowIfNull(motion);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Classify(motion, itemInPaddles, binVisible, motion.Succeeded && !itemInPaddles && binVisible ? Sense(motion, action, bin, before, after, change) : null);
    }

    /// <summary>
    /// Gathers the figures the reading weighs for an attempt whose item left the paddles (<see cref="OutcomeEvidence"/>).
    /// </summary>
    /// <param name="motion">How the motion went (its feed sensing).</param>
    /// <param name="action">The stow.</param>
    /// <param name="bin">The bin's geometry.</param>
    /// <param name="before">The bin as perceived before the attempt.</param>
    /// <param name="after">The bin as re-perceived after it.</param>
    /// <param name="change">How the bin's depth image changed over the attempt; null when not measured.</param>
    public static OutcomeEvidence Sense(MotionReport motion, StowAction action, BinSpec bin, BinSpaceEstimate before, BinSpaceEstimate after, DepthChangeProfile? change)
    {
        ArgumentNullException.ThrowIfNull(motion);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        OrientationRules.Extents(action.Item.Dimensions, action.Orientation, out var depth, out var width, out var height);
        var laneAfter = LanePlacement.LaneDepth(after, bin, action.Lateral, width, height);
        var laneBefore = LanePlacement.LaneDepth(before, bin, action.Lateral, width, height);
        double? closer = null, near = null, total = null, noise = null;
        if (change is not null)
        {
            var y0 = action.Lateral - LaneMargin;
            var y1 = action.Lateral + width + LaneMargin;
            closer = change.CloserIn(y0, y1);
            near = change.NearOpeningIn(y0, y1);
            total = change.CloserTotal;
            noise = change.NoiseSigmaAt1M;
        }

        return new OutcomeEvidence(depth, width, height, action.Item.Volume, laneBefore, laneAfter, before.FreeVolume - after.FreeVolume, closer, near, total, noise, motion.Feed);
    }

    /// <summary>Classifies one attempt from the motion, the beams and, when the item left the paddles, the evidence.</summary>
    /// <param name="motion">How the motion went.</param>
    /// <param name="itemInPaddles">The EOAT's beam sensors see an item after the attempt.</param>
    /// <param name="binVisible">False when the re-perceived bin cannot show the item.</param>
    /// <param name="evidence">The figures of <see cref="Sense"/>; needed when the motion succeeded, the paddles are empty and
    /// the bin is visible.</param>
    /// <exception cref="ArgumentNullException">Evidence needed but null.</exception>
    public static WorldOutcome Classify(MotionReport motion, bool itemInPaddles, bool binVisible, OutcomeEvidence? evidence)
    {
        ArgumentNullException.ThrowIfNull(motion);
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

        ArgumentNullException.ThrowIfNull(evidence);
        return evidence.LaneCloser is null ? FromEstimate(evidence) : FromChange(evidence);
    }

    /// <summary>The reading from the depth change in the item's lane, the space estimate as its fallback (see the type's remarks).</summary>
    private static WorldOutcome FromChange(OutcomeEvidence e)
    {
        var roomForItem = e.LaneBefore - e.ItemDepth > 2 * ProtrudingDepth;
        if (e.NearOpeningShare >= ProtrudingShare && (roomForItem || e.Stalled))
        {
            // The camera sees a new surface in the opening plane where the item went, and the lane had room for all of it
            // (or the feed was pushed against something): it stopped short, past the band line.
            return new WorldOutcome(StowOutcome.Defect, roomForItem ? "protruding" : "protruding (feed stalled)", StoppedShort: true);
        }

        if (e.CloserShare >= StowedShare)
        {
            return new WorldOutcome(StowOutcome.Stowed, "stowed");
        }

        if (e.LaneAfter < ProtrudingDepth && e.Stalled)
        {
            // Not seen inside, the lane reads blocked at the opening and the feed was pushed against something.
            return new WorldOutcome(StowOutcome.Defect, "protruding (feed stalled)", StoppedShort: true);
        }

        // Little or nothing of the item is seen, e.g. a thin item against the side wall nearer the camera, which hides that
        // strip of the bin: the space estimate may still show it. An item too wide for a wall to hide that changed nothing
        // anywhere in the frames is not vouched for by its lane's estimate alone: the space model read the same frames,
        // so a drop of its lane with no change in the bin is the model's noise.
        if (e.ItemWidth >= HideableWidth && e.CloserTotal < NothingChanged && e.VolumeTaken < InsideFraction * e.ItemVolume)
        {
            return new WorldOutcome(StowOutcome.Defect, "missing");
        }

        return TookSpace(e) ? new WorldOutcome(StowOutcome.Stowed, "stowed (space estimate)") : new WorldOutcome(StowOutcome.Defect, "missing");
    }

    /// <summary>The reading from the space estimates alone (no depth change measured: e.g. ground-truth perception).</summary>
    private static WorldOutcome FromEstimate(OutcomeEvidence e)
    {
        if (e.LaneAfter < ProtrudingDepth && e.LaneBefore - e.ItemDepth > 2 * ProtrudingDepth)
        {
            // Something is in the opening plane although the lane had room for the whole item: it stopped short.
            return new WorldOutcome(StowOutcome.Defect, "protruding", StoppedShort: true);
        }

        if (e.LaneAfter < ProtrudingDepth && e.Stalled)
        {
            // A tight lane blocked at the opening after the feed was pushed against something: not flush, stopped short.
            return new WorldOutcome(StowOutcome.Defect, "protruding (feed stalled)", StoppedShort: true);
        }

        return TookSpace(e) ? new WorldOutcome(StowOutcome.Stowed, "stowed") : new WorldOutcome(StowOutcome.Defect, "missing");
    }

    /// <summary>The bin lost at least <see cref="InsideFraction"/> of the item's volume of free space, or its lane that share of the item's depth.</summary>
    private static bool TookSpace(OutcomeEvidence e) =>
        e.VolumeTaken >= InsideFraction * e.ItemVolume || e.LaneBefore - e.LaneAfter >= InsideFraction * e.ItemDepth;
}
