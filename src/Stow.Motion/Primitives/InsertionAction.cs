using Stow.Core.Geometry;

namespace Stow.Motion.Primitives;

/// <summary>
/// Insertion: the paddle tips go to the opening at the planned lateral position and height, then both belts
/// feed at <see cref="PrimitiveLimits.FeedSpeed"/> until both beams clear (the item has left the paddles; the
/// paddles never enter the bin). Fails with ItemNotDetected when no beam sees an item at the start, Stall when
/// a belt jams (motor current above <see cref="PrimitiveLimits.JamCurrent"/> or belt speed collapsed, for
/// <see cref="PrimitiveLimits.JamTime"/>), Timeout after (2·length + 0.3 m)/feed speed + margin.
/// </summary>
public sealed class InsertionAction : SegmentedAction
{
    private readonly StowPlan _plan;

    /// <summary>Creates the action.</summary>
    /// <param name="plan">The planned stow.</param>
    public InsertionAction(StowPlan plan)
        : base("insertion", plan.EffectiveLimits) => _plan = plan;

    /// <summary>The feed's time bound [s].</summary>
    public double FeedTimeout => ((2 * _plan.Dimensions.Length) + 0.3) / Limits.FeedSpeed + Limits.TimeMargin;

    /// <inheritdoc/>
    protected override void Build(MotionContext context)
    {
        var z = _plan.InsertZ + (_plan.Dimensions.Height / 2) + 0.005;
        AddMove(BinPoses.At(_plan.Bin, -Limits.InsertionClearance, _plan.InsertY, z, Quat.Identity), Limits.TransitSpeed, Limits.TransitForceLimit);
        AddFeed(Limits.FeedSpeed, FeedTimeout);
    }
}
