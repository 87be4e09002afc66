using Stow.Core.Geometry;
using Stow.Core.Pods;

namespace Stow.Motion.Primitives;

/// <summary>
/// Stack: a guarded search for the top of the existing contents. The spatula extends at (y, z) (guarded: it stops where
/// it meets the contents), the TCP moves
/// down by at most the step's distance at <see cref="PrimitiveLimits.SearchSpeed"/> and stops when the force reaches
/// <see cref="PrimitiveLimits.ContactThreshold"/> (success: surface found, held where it was found), and the spatula
/// retracts.
/// </summary>
public sealed class StackAction : SegmentedAction
{
    private readonly BinSpec _bin;
    private readonly PrimitiveStep _step;

    /// <summary>Creates the action.</summary>
    /// <param name="bin">Target bin.</param>
    /// <param name="step">The stack step.</param>
    /// <param name="limits">Speeds and bounds.</param>
    public StackAction(BinSpec bin, PrimitiveStep step, PrimitiveLimits limits)
        : base("stack", limits)
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
        AddMove(BinPoses.At(_bin, x, _step.Y, _step.Z - _step.Distance, Quat.Identity), Limits.SearchSpeed, Limits.ContactThreshold, stopOnContact: true);
        AddSpatula(0, Limits.ContactForceLimit);
    }
}
