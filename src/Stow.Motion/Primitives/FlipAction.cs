using Stow.Core.Geometry;
using Stow.Core.Pods;

namespace Stow.Motion.Primitives;

/// <summary>
/// Flip: the spatula goes in low behind the edge of a flat item at (y, z) (guarded: it stops where it meets the item),
/// lifts by the step's distance at
/// contact speed to tip the item upright, retracts, and the TCP returns to the opening. Every motion is
/// bounded by <see cref="PrimitiveLimits.ContactForceLimit"/>.
/// </summary>
public sealed class FlipAction : SegmentedAction
{
    private readonly BinSpec _bin;
    private readonly PrimitiveStep _step;

    /// <summary>Creates the action.</summary>
    /// <param name="bin">Target bin.</param>
    /// <param name="step">The flip step.</param>
    /// <param name="limits">Speeds and bounds.</param>
    public FlipAction(BinSpec bin, PrimitiveStep step, PrimitiveLimits limits)
        : base("flip", limits)
    {
        _bin = bin;
        _step = step;
    }

    /// <inheritdoc/>
    protected override void Build(MotionContext context)
    {
        var x = -Limits.InsertionClearance;
        AddMove(BinPoses.At(_bin, x, _step.Y, _step.Z, Quat.Identity), Limits.TransitSpeed, Limits.TransitForceLimit);
        AddSpatula(_step.Depth, Limits.ContactForceLimit, stopOnContact: true);
        AddMove(BinPoses.At(_bin, x, _step.Y, _step.Z + _step.Distance, Quat.Identity), Limits.ContactSpeed, Limits.ContactForceLimit);
        AddSpatula(0, Limits.ContactForceLimit);
        AddMove(BinPoses.At(_bin, x, _step.Y, _step.Z, Quat.Identity), Limits.TransitSpeed, Limits.TransitForceLimit);
    }
}
