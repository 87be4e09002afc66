using Stow.Core.Geometry;
using Stow.Core.Pods;

namespace Stow.Motion.Primitives;

/// <summary>
/// Slot: the TCP turns by the step's angle about z at the opening, the spatula enters the gap at (y, z) (guarded: it
/// stops where it meets the contents), the
/// TCP widens the gap by moving sideways by the step's distance (sign of the angle) at contact speed, the
/// spatula retracts and the TCP turns back. Bounded by <see cref="PrimitiveLimits.ContactForceLimit"/>.
/// </summary>
public sealed class SlotAction : SegmentedAction
{
    private readonly BinSpec _bin;
    private readonly PrimitiveStep _step;

    /// <summary>Creates the action.</summary>
    /// <param name="bin">Target bin.</param>
    /// <param name="step">The slot step.</param>
    /// <param name="limits">Speeds and bounds.</param>
    public SlotAction(BinSpec bin, PrimitiveStep step, PrimitiveLimits limits)
        : base("slot", limits)
    {
        _bin = bin;
        _step = step;
    }

    /// <inheritdoc/>
    protected override void Build(MotionContext context)
    {
        var x = -Limits.InsertionClearance;
        var tilt = Quat.FromAxisAngle(Vec3.UnitZ, _step.Angle);
        var side = _step.Angle >= 0 ? 1 : -1;
        AddMove(BinPoses.At(_bin, x, _step.Y, _step.Z, tilt), Limits.TransitSpeed, Limits.TransitForceLimit);
        AddSpatula(_step.Depth, Limits.ContactForceLimit, stopOnContact: true);
        AddMove(BinPoses.At(_bin, x, _step.Y + (side * _step.Distance), _step.Z, tilt), Limits.ContactSpeed, Limits.ContactForceLimit);
        AddSpatula(0, Limits.ContactForceLimit);
        AddMove(BinPoses.At(_bin, x, _step.Y + (side * _step.Distance), _step.Z, Quat.Identity), Limits.TransitSpeed, Limits.TransitForceLimit);
    }
}
