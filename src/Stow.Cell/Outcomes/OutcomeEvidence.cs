using Stow.Cell.Shift;

namespace Stow.Cell.Outcomes;

/// <summary>
/// What the cell sensed of one attempt that left the paddles empty, in the figures its outcome reading weighs
/// (<see cref="OutcomeClassifier"/>): the re-perceived space estimate before and after, the depth change in the item's
/// lane, and the feed. Immutable; also logged beside the simulator's truth to diagnose misreadings.
/// </summary>
/// <param name="ItemDepth">The item's extent into the bin in its planned orientation [m].</param>
/// <param name="ItemWidth">Its lateral extent [m].</param>
/// <param name="ItemHeight">Its vertical extent [m].</param>
/// <param name="ItemVolume">Its volume as measured at the induct [m³].</param>
/// <param name="LaneBefore">Free depth of the item's lane in the estimate before the attempt [m] (<c>LanePlacement.LaneDepth</c>).</param>
/// <param name="LaneAfter">The same lane in the re-perceived estimate [m].</param>
/// <param name="VolumeTaken">Free volume the re-perceived bin lost [m³] (negative when it gained).</param>
/// <param name="LaneCloser">Area that came closer to the camera over the item's lateral span plus
/// <see cref="OutcomeClassifier.LaneMargin"/> each side [m²]; null when there was no depth change to read.</param>
/// <param name="LaneNearOpening">The part of <paramref name="LaneCloser"/> whose new surface lies near the opening plane [m²]; null as above.</param>
/// <param name="CloserTotal">Area that came closer anywhere in the bin [m²]; null as above.</param>
/// <param name="NoiseSigmaAt1M">σ at 1 m of the frames' depth difference the change threshold used [m]; null as above.</param>
/// <param name="Feed">What the belts and the wrench felt; null when not sensed.</param>
public sealed record OutcomeEvidence(
    double ItemDepth, double ItemWidth, double ItemHeight, double ItemVolume, double LaneBefore, double LaneAfter, double VolumeTaken,
    double? LaneCloser, double? LaneNearOpening, double? CloserTotal, double? NoiseSigmaAt1M, FeedSensing? Feed)
{
    /// <summary>The item's front face area in its planned orientation, width × height [m²].</summary>
    public double FaceArea => ItemWidth * ItemHeight;

    /// <summary><see cref="LaneCloser"/> as a share of <see cref="FaceArea"/>; null when no change was read.</summary>
    public double? CloserShare => LaneCloser / FaceArea;

    /// <summary><see cref="LaneNearOpening"/> as a share of <see cref="FaceArea"/>; null when no change was read.</summary>
    public double? NearOpeningShare => LaneNearOpening / FaceArea;

    /// <summary>True when the feed stalled against something (<see cref="FeedSensing.Stalled"/>).</summary>
    public bool Stalled => Feed is { Stalled: true };

    /// <summary>One line for the log: every figure with its unit.</summary>
    public override string ToString() =>
        FormattableString.Invariant(
            $"item {ItemDepth:F3}x{ItemWidth:F3}x{ItemHeight:F3} m (dwh), lane {LaneBefore:F3}->{LaneAfter:F3} m, volume taken {VolumeTaken * 1000:F2} of {ItemVolume * 1000:F2} l, ")
        + (LaneCloser is null ? "no depth change read" : FormattableString.Invariant(
            $"closer {CloserShare:F2} of the face ({LaneCloser * 1e4:F0} cm²), near opening {NearOpeningShare:F2}, closer in bin {CloserTotal * 1e4:F0} cm², noise {NoiseSigmaAt1M * 1000:F1} mm at 1 m"))
        + (Feed is null ? string.Empty : FormattableString.Invariant($", belt rise {Feed.CurrentRise:F2} A, force {Feed.PeakContactForce:F1} N{(Stalled ? " (stalled)" : string.Empty)}"));
}
