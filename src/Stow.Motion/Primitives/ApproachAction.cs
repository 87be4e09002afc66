using Stow.Core.Pods;

namespace Stow.Motion.Primitives;

/// <summary>
/// Approach: retract the spatula, then move the TCP to the approach pose <see cref="PrimitiveLimits.Standoff"/>
/// in front of the bin opening at transit speed, guarded by the transit (collision) force limit.
/// Fails with ForceLimit, Stall, Timeout, HardwareFault or Halted.
/// </summary>
public sealed class ApproachAction : SegmentedAction
{
    private readonly BinSpec _bin;

    /// <summary>Creates the action.</summary>
    /// <param name="bin">Target bin.</param>
    /// <param name="limits">Speeds and bounds.</param>
    public ApproachAction(BinSpec bin, PrimitiveLimits limits)
        : base("approach", limits) => _bin = bin;

    /// <inheritdoc/>
    protected override void Build(MotionContext context)
    {
        AddSpatula(0, Limits.TransitForceLimit);
        AddMove(BinPoses.Approach(_bin, Limits.Standoff), Limits.TransitSpeed, Limits.TransitForceLimit);
    }
}
