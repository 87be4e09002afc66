using Stow.Core.Geometry;
using Stow.Hardware.BandSeparator;
using Stow.Hardware.Lifecycle;

namespace Stow.Motion.Primitives;

/// <summary>Per-cycle execution of the segments.</summary>
public abstract partial class SegmentedAction
{
    private ActionResult Run(MotionContext c, ref MotionSegment s)
    {
        var elapsed = c.Time - _segmentStart;
        var force = c.ArmState.TcpWrench.Force.Length;
        if (s.Relief)
        {
            // Out of an over-limit contact: the limit follows the force down, never up (MotionSegment.Relief).
            _reliefLimit = Math.Min(_reliefLimit, Math.Max(s.ForceLimit, force + Limits.ReliefMargin));
        }

        var limit = s.Relief ? _reliefLimit : s.ForceLimit;
        if (s.Kind != SegmentKind.Move)
        {
            // Hold the reference compliantly while the tool's other axes work.
            if (c.CommandCompliant(c.Reference) != CommandStatus.Accepted)
            {
                return ActionResult.Failed(FailureReason.HardwareFault);
            }

            if (force > limit)
            {
                return ActionResult.Failed(FailureReason.ForceLimit);
            }
        }

        var r = s.Kind switch
        {
            SegmentKind.Move => RunMove(c, ref s, elapsed, force, limit),
            SegmentKind.Spatula => RunSpatula(c, ref s, force),
            SegmentKind.Paddles => RunPaddles(c, ref s),
            SegmentKind.Feed => RunFeed(c, ref s, elapsed),
            SegmentKind.EngageBands => RunBands(c, BandSeparatorPhase.Engaged),
            _ => RunBands(c, BandSeparatorPhase.Idle),
        };

        if (r.Status == ActionStatus.Running && elapsed > s.Timeout)
        {
            if (s.Kind == SegmentKind.Feed)
            {
                c.Eoat.CommandBelts(0, 0);
            }

            return ActionResult.Failed(FailureReason.Timeout);
        }

        return r;
    }

    private ActionResult RunMove(MotionContext c, ref MotionSegment s, double elapsed, double force, double limit)
    {
        if (force > limit)
        {
            c.Hold();
            return s.StopOnContact ? ActionResult.Succeeded : ActionResult.Failed(FailureReason.ForceLimit);
        }

        var travelled = Math.Min(s.Speed * elapsed, _length);
        var fraction = _length > 1e-9 ? travelled / _length : 1;
        var reference = new Pose(_from.Position + (_direction * travelled), Nlerp(_from.Orientation, s.Target.Orientation, fraction));
        if (c.CommandCompliant(reference) != CommandStatus.Accepted)
        {
            return ActionResult.Failed(FailureReason.HardwareFault);
        }

        var measured = c.ArmState.TcpPose.Position;
        if (travelled >= _length && Arrived(c, reference.Position, measured, s.Target.Position))
        {
            return ActionResult.Succeeded;
        }

        // Stall: the reference moves but the TCP does not follow.
        var speed = Vec3.Dot(c.ArmState.TcpTwist.Linear, _direction);
        var referenceMoving = travelled < _length;
        var warmUp = (s.Speed / 1.0) + 0.2; // acceleration phase (≥ 1 m/s² arms) plus margin [s]
        var slow = referenceMoving ? elapsed > warmUp && speed < Limits.StallSpeedRatio * s.Speed
                                   : elapsed > (_length / Math.Max(s.Speed, 1e-3)) + warmUp;
        if (!slow)
        {
            _since = double.NaN;
            return ActionResult.Running;
        }

        if (double.IsNaN(_since))
        {
            _since = c.Time;
        }

        if (c.Time - _since > Limits.StallTime && (referenceMoving || (measured - s.Target.Position).Length > 5 * Limits.PositionTolerance))
        {
            return ActionResult.Failed(FailureReason.Stall);
        }

        return ActionResult.Running;
    }

    /// <summary>
    /// The move has arrived when the TCP is within <see cref="PrimitiveLimits.PositionTolerance"/> of the target, or,
    /// in contact, when it rests at the compliant equilibrium the admittance holds it at: it tracks its compliant command
    /// (within the tolerance) and is short of the target by no more than the admittance offset |command − reference|
    /// (F/K: a sweep pushing items against their friction ends a few millimetres short, pressing on them, below the force
    /// limit, which bounds the offset).
    /// </summary>
    private bool Arrived(MotionContext c, Vec3 reference, Vec3 measured, Vec3 target)
    {
        var error = (measured - target).Length;
        if (error <= Limits.PositionTolerance)
        {
            return true;
        }

        var command = c.LastCommand.Position;
        return (measured - command).Length <= Limits.PositionTolerance && error <= Limits.PositionTolerance + (command - reference).Length;
    }

    private ActionResult RunSpatula(MotionContext c, ref MotionSegment s, double force)
    {
        if (s.StopOnContact && force > Limits.ContactThreshold)
        {
            // Guarded extension: the blade has met the contents; it stays where it is.
            return c.Eoat.CommandSpatula(c.EoatState.SpatulaExtension) == CommandStatus.Accepted
                ? ActionResult.Succeeded
                : ActionResult.Failed(FailureReason.HardwareFault);
        }

        if (c.Eoat.CommandSpatula(s.Value) != CommandStatus.Accepted)
        {
            return ActionResult.Failed(FailureReason.HardwareFault);
        }

        return Math.Abs(c.EoatState.SpatulaExtension - s.Value) <= 0.001 ? ActionResult.Succeeded : ActionResult.Running;
    }

    private static ActionResult RunPaddles(MotionContext c, ref MotionSegment s)
    {
        if (c.Eoat.CommandPaddles(s.Value, s.Value2) != CommandStatus.Accepted)
        {
            return ActionResult.Failed(FailureReason.HardwareFault);
        }

        var e = c.EoatState;
        return Math.Abs(e.PaddleGap - s.Value) <= 0.001 || e.SqueezeForce >= 0.9 * s.Value2 ? ActionResult.Succeeded : ActionResult.Running;
    }

    private ActionResult RunFeed(MotionContext c, ref MotionSegment s, double elapsed)
    {
        var e = c.EoatState;
        if (!e.ItemPresent)
        {
            c.Eoat.CommandBelts(0, 0);
            return ActionResult.Succeeded;
        }

        if (c.Eoat.CommandBelts(s.Speed, s.Speed) != CommandStatus.Accepted)
        {
            return ActionResult.Failed(FailureReason.HardwareFault);
        }

        var jammed = Math.Max(e.LeftBeltCurrent, e.RightBeltCurrent) > Limits.JamCurrent ||
                     (elapsed > 0.3 && Math.Min(Math.Abs(e.LeftBeltSpeed), Math.Abs(e.RightBeltSpeed)) < Limits.StallSpeedRatio * Math.Abs(s.Speed));
        if (!jammed)
        {
            _since = double.NaN;
            return ActionResult.Running;
        }

        if (double.IsNaN(_since))
        {
            _since = c.Time;
        }

        if (c.Time - _since >= Limits.JamTime)
        {
            c.Eoat.CommandBelts(0, 0);
            return ActionResult.Failed(FailureReason.Stall);
        }

        return ActionResult.Running;
    }

    private static ActionResult RunBands(MotionContext c, BandSeparatorPhase goal)
    {
        var phase = c.BandSeparator!.State.Phase;
        if (phase == BandSeparatorPhase.Fault)
        {
            return ActionResult.Failed(FailureReason.HardwareFault);
        }

        return phase == goal ? ActionResult.Succeeded : ActionResult.Running;
    }

    private static Quat Nlerp(Quat a, Quat b, double t)
    {
        var dot = (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z) + (a.W * b.W);
        var s = dot < 0 ? -1.0 : 1.0;
        var q = new Quat(
            a.X + (t * ((s * b.X) - a.X)),
            a.Y + (t * ((s * b.Y) - a.Y)),
            a.Z + (t * ((s * b.Z) - a.Z)),
            a.W + (t * ((s * b.W) - a.W)));
        var n = Math.Sqrt((q.X * q.X) + (q.Y * q.Y) + (q.Z * q.Z) + (q.W * q.W));
        return n > 1e-12 ? new Quat(q.X / n, q.Y / n, q.Z / n, q.W / n) : b;
    }
}
