using Stow.Core.Geometry;

namespace Stow.Motion.Primitives;

/// <summary>
/// A guarded move: a straight compliant TCP move to <c>target</c> at <c>speed</c> that stops when the measured
/// force reaches <c>forceThreshold</c> — successfully when <c>stopOnContact</c> (searching for a surface), as a
/// ForceLimit failure otherwise — and fails with Stall when the TCP stops following its reference
/// (<see cref="PrimitiveLimits.StallSpeedRatio"/> for <see cref="PrimitiveLimits.StallTime"/>), or Timeout after
/// distance/speed + <see cref="PrimitiveLimits.TimeMargin"/>.
/// </summary>
public sealed class GuardedMoveAction : SegmentedAction
{
    private readonly Pose _target;
    private readonly double _speed;
    private readonly double _forceThreshold;
    private readonly bool _stopOnContact;

    /// <summary>Creates the action.</summary>
    /// <param name="name">Action name (for logs and substitution).</param>
    /// <param name="target">Target TCP pose (pod face frame).</param>
    /// <param name="speed">Reference speed [m/s], &gt; 0.</param>
    /// <param name="forceThreshold">Force magnitude that stops the move [N].</param>
    /// <param name="stopOnContact">True: reaching the threshold is success (contact found).</param>
    /// <param name="limits">Stall and time bounds (null: defaults).</param>
    public GuardedMoveAction(string name, Pose target, double speed, double forceThreshold, bool stopOnContact, PrimitiveLimits? limits = null)
        : base(name, limits ?? PrimitiveLimits.Default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        _target = target;
        _speed = speed;
        _forceThreshold = forceThreshold;
        _stopOnContact = stopOnContact;
    }

    /// <inheritdoc/>
    protected override void Build(MotionContext context) => AddMove(_target, _speed, _forceThreshold, _stopOnContact);
}
