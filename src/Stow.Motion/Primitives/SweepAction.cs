using Stow.Core.Geometry;
using Stow.Core.Pods;
using Stow.Core.Space;

namespace Stow.Motion.Primitives;

/// <summary>
/// Sweep: the TCP goes to the opening at (y, z) of the step, the spatula extends to the step's depth (guarded: it stops where it meets the contents), the TCP
/// moves sideways by the step's distance (+y for SweepLeft, −y for SweepRight) at contact speed pushing the
/// contents aside, and the spatula retracts. The sideways move fails with ForceLimit when the contact force
/// exceeds <see cref="PrimitiveLimits.ContactForceLimit"/> (e.g. contents pressed against a wall).
/// </summary>
public sealed class SweepAction : SegmentedAction
{
    private readonly BinSpec _bin;
    private readonly PrimitiveStep _step;

    /// <summary>Creates the action.</summary>
    /// <param name="bin">Target bin.</param>
    /// <param name="step">SweepLeft or SweepRight step.</param>
    /// <param name="limits">Speeds and bounds.</param>
    /// <exception cref="ArgumentException">The step is not a sweep.</exception>
    public SweepAction(BinSpec bin, PrimitiveStep step, PrimitiveLimits limits)
        : base(step.Kind == Primitive.SweepLeft ? "sweep_left" : "sweep_right", limits)
    {
        if (step.Kind is not (Primitive.SweepLeft or Primitive.SweepRight))
        {
            throw new ArgumentException("a sweep step is SweepLeft or SweepRight", nameof(step));
        }

        _bin = bin;
        _step = step;
    }

    /// <inheritdoc/>
    protected override void Build(MotionContext context)
    {
        var x = -Limits.InsertionClearance;
        var sign = _step.Kind == Primitive.SweepLeft ? 1 : -1;
        AddMove(BinPoses.At(_bin, x, _step.Y, _step.Z, Quat.Identity), Limits.TransitSpeed, Limits.TransitForceLimit);
        AddSpatula(_step.Depth, Limits.ContactForceLimit, stopOnContact: true);
        AddMove(BinPoses.At(_bin, x, _step.Y + (sign * _step.Distance), _step.Z, Quat.Identity), Limits.ContactSpeed, Limits.ContactForceLimit);
        AddSpatula(0, Limits.ContactForceLimit);
    }
}
