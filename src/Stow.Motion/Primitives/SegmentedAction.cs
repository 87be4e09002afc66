using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Hardware.BandSeparator;
using Stow.Hardware.Lifecycle;

namespace Stow.Motion.Primitives;

/// <summary>
/// Base of the motion primitives: a short list of <see cref="MotionSegment"/>s filled by <see cref="Build"/> at
/// <see cref="Start"/> (into a preallocated array) and run in order. Every segment is bounded by its force
/// limit and timeout; moves also by stall detection. Between and during non-move segments the TCP holds its
/// reference compliantly. No allocation after construction.
/// Threading and lifecycle: as <see cref="IMotionAction"/>.
/// </summary>
public abstract partial class SegmentedAction : IMotionAction
{
    private const int Capacity = 12;
    private readonly MotionSegment[] _segments = new MotionSegment[Capacity];
    private int _count;
    private int _index;
    private double _segmentStart;
    private double _reliefLimit;
    private double _since;
    private Pose _from;
    private Vec3 _direction;
    private double _length;
    private ActionResult _result;

    /// <summary>Creates an action.</summary>
    /// <param name="name">Action name.</param>
    /// <param name="limits">Speeds and bounds.</param>
    protected SegmentedAction(string name, PrimitiveLimits limits)
    {
        Name = name;
        Limits = limits;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Speeds and bounds.</summary>
    public PrimitiveLimits Limits { get; }

    /// <summary>Result of the last start or poll.</summary>
    public ActionResult Result => _result;

    /// <summary>Index of the segment running (or that failed).</summary>
    public int SegmentIndex => _index;

    /// <summary>Kind of the segment at <see cref="SegmentIndex"/> (the one running, or the one that failed), e.g. for a
    /// failure's reason text.</summary>
    public SegmentKind CurrentSegmentKind => _index < _count ? _segments[_index].Kind : SegmentKind.Move;

    /// <inheritdoc/>
    public ActionResult Start(MotionContext context)
    {
        _count = 0;
        _index = 0;
        if (!context.MotionAllowed)
        {
            return _result = ActionResult.Failed(FailureReason.Halted);
        }

        context.Reference = context.ArmState.TcpPose;
        context.Admittance.Reset();
        Build(context);
        if (_count == 0)
        {
            return _result = ActionResult.Succeeded;
        }

        _result = ActionResult.Running;
        return _result = Enter(context);
    }

    /// <inheritdoc/>
    public ActionResult Poll(MotionContext context)
    {
        if (_result.Status != ActionStatus.Running)
        {
            return _result;
        }

        var r = Run(context, ref _segments[_index]);
        while (r.Status == ActionStatus.Succeeded && ++_index < _count)
        {
            r = Enter(context);
        }

        if (r.Status == ActionStatus.Failed)
        {
            context.Hold();
        }

        return _result = r;
    }

    /// <inheritdoc/>
    public void Halt(MotionContext context)
    {
        context.Hold();
        context.Eoat.CommandBelts(0, 0);
        if (_result.Status == ActionStatus.Running)
        {
            _result = ActionResult.Failed(FailureReason.Halted);
        }
    }

    /// <summary>Fills the segments for this run from the plan parameters and the current states (call the Add… methods). Must not allocate.</summary>
    /// <param name="context">Current states.</param>
    protected abstract void Build(MotionContext context);

    /// <summary>Adds a straight compliant move.</summary>
    /// <param name="target">Target TCP pose.</param>
    /// <param name="speed">Reference speed [m/s].</param>
    /// <param name="forceLimit">Force limit [N].</param>
    /// <param name="stopOnContact">True: reaching the force ends the move successfully (guarded search).</param>
    /// <param name="relief">True: the move leads away from a contact (<see cref="MotionSegment.Relief"/>).</param>
    protected void AddMove(Pose target, double speed, double forceLimit, bool stopOnContact = false, bool relief = false) =>
        Add(new MotionSegment { Kind = SegmentKind.Move, Target = target, Speed = speed, ForceLimit = forceLimit, StopOnContact = stopOnContact, Relief = relief });

    /// <summary>Adds a spatula move.</summary>
    /// <param name="extension">Extension [m].</param>
    /// <param name="forceLimit">Force limit while it moves [N].</param>
    /// <param name="relief">True: the spatula withdraws from a contact (<see cref="MotionSegment.Relief"/>).</param>
    /// <param name="stopOnContact">True: a guarded extension: once the wrench exceeds <see cref="PrimitiveLimits.ContactThreshold"/>
    /// the blade stops where it is (it has met the contents) and the segment succeeds; above
    /// <paramref name="forceLimit"/> it still fails.</param>
    protected void AddSpatula(double extension, double forceLimit, bool relief = false, bool stopOnContact = false) =>
        Add(new MotionSegment
        {
            Kind = SegmentKind.Spatula, Value = extension, ForceLimit = forceLimit, Timeout = Limits.TimeMargin, Relief = relief,
            StopOnContact = stopOnContact,
        });

    /// <summary>Adds a paddle move.</summary>
    /// <param name="gap">Gap [m].</param>
    /// <param name="squeeze">Squeeze force limit [N].</param>
    protected void AddPaddles(double gap, double squeeze) =>
        Add(new MotionSegment { Kind = SegmentKind.Paddles, Value = gap, Value2 = squeeze, ForceLimit = Limits.TransitForceLimit, Timeout = Limits.TimeMargin });

    /// <summary>Adds a belt feed until the beams clear.</summary>
    /// <param name="speed">Belt speed [m/s].</param>
    /// <param name="timeout">Time bound [s].</param>
    protected void AddFeed(double speed, double timeout) =>
        Add(new MotionSegment { Kind = SegmentKind.Feed, Speed = speed, Timeout = timeout, ForceLimit = Limits.ContactForceLimit });

    /// <summary>Adds band engagement.</summary>
    /// <param name="bin">Bin.</param>
    protected void AddEngage(BinId bin) =>
        Add(new MotionSegment { Kind = SegmentKind.EngageBands, Bin = bin, Timeout = Limits.BandTimeout, ForceLimit = Limits.TransitForceLimit });

    /// <summary>Adds band release.</summary>
    protected void AddRelease() =>
        Add(new MotionSegment { Kind = SegmentKind.ReleaseBands, Timeout = Limits.BandTimeout, ForceLimit = Limits.TransitForceLimit });

    private void Add(MotionSegment s)
    {
        if (_count < Capacity)
        {
            _segments[_count++] = s;
        }
    }

    private ActionResult Enter(MotionContext c)
    {
        ref var s = ref _segments[_index];
        _segmentStart = c.Time;
        _reliefLimit = Math.Max(s.ForceLimit, c.ArmState.TcpWrench.Force.Length + Limits.ReliefMargin);
        _since = double.NaN;
        switch (s.Kind)
        {
            case SegmentKind.Move:
                _from = c.Reference;
                var d = s.Target.Position - _from.Position;
                _length = d.Length;
                _direction = _length > 1e-9 ? d / _length : Vec3.Zero;
                s.Timeout = (_length / Math.Max(s.Speed, 1e-3)) + Limits.TimeMargin;
                return ActionResult.Running;
            case SegmentKind.Feed:
                return c.EoatState.ItemPresent ? ActionResult.Running : ActionResult.Failed(FailureReason.ItemNotDetected);
            case SegmentKind.EngageBands:
                return c.BandSeparator is null || c.BandSeparator.Engage(s.Bin) != CommandStatus.Accepted
                    ? ActionResult.Failed(FailureReason.HardwareFault)
                    : ActionResult.Running;
            case SegmentKind.ReleaseBands:
                if (c.BandSeparator is null)
                {
                    return ActionResult.Failed(FailureReason.HardwareFault);
                }

                var st = c.BandSeparator.Release();
                return st is CommandStatus.Accepted or CommandStatus.Invalid ? ActionResult.Running : ActionResult.Failed(FailureReason.HardwareFault);
            default:
                return ActionResult.Running;
        }
    }
}
