using Stow.Core.Geometry;

namespace Stow.Motion.Primitives;

/// <summary>
/// Pick: retract the spatula and carry the open paddles to the induct pick pose at transit speed, guarded by the transit
/// (collision) force limit, where the induct's next item is taken between the paddles; the stow's approach then carries
/// it to the bin. The travel to and from the induct is part of every stow's time. Fails with ForceLimit, Stall, Timeout,
/// HardwareFault or Halted.
/// </summary>
public sealed class PickAction : SegmentedAction
{
    private readonly Pose _induct;

    /// <summary>Creates the action.</summary>
    /// <param name="induct">The TCP pose of the pick at the induct, in the pod face frame [m].</param>
    /// <param name="limits">Speeds and bounds.</param>
    public PickAction(Pose induct, PrimitiveLimits limits)
        : base("pick", limits) => _induct = induct;

    /// <inheritdoc/>
    protected override void Build(MotionContext context)
    {
        AddSpatula(0, Limits.TransitForceLimit);
        AddMove(_induct, Limits.TransitSpeed, Limits.TransitForceLimit);
    }
}
