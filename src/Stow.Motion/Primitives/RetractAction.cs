using Stow.Core.Pods;

namespace Stow.Motion.Primitives;

/// <summary>
/// Retract: spatula in, then back to the approach pose in front of the bin, guarded by the transit force limit. Both
/// segments are relief segments (<see cref="MotionSegment.Relief"/>): a retract may start from a contact the tool was
/// left pressed into over its limit, as long as the force does not grow.
/// </summary>
public sealed class RetractAction : SegmentedAction
{
    private readonly BinSpec _bin;

    /// <summary>Creates the action.</summary>
    /// <param name="bin">The bin being left.</param>
    /// <param name="limits">Speeds and bounds.</param>
    public RetractAction(BinSpec bin, PrimitiveLimits limits)
        : base("retract", limits) => _bin = bin;

    /// <inheritdoc/>
    protected override void Build(MotionContext context)
    {
        AddSpatula(0, Limits.TransitForceLimit, relief: true);
        AddMove(BinPoses.Approach(_bin, Limits.Standoff), Limits.TransitSpeed, Limits.TransitForceLimit, relief: true);
    }
}
