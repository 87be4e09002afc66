using Stow.Motion.Loop;

namespace Stow.Motion.Primitives;

/// <summary>
/// Runs one <see cref="IMotionAction"/> at a time inside the control cycle and is the orchestration's handle on
/// it: <see cref="Start"/>, <see cref="Poll"/> and <see cref="Halt"/> may be called from any thread and never
/// block; the action itself is started, polled and halted on the loop thread. Every cycle, before polling, the
/// runner checks the safety state: when motion is not allowed (e-stop chain open, guard door open, protective
/// stop, heartbeat lost) it halts the action in that same cycle (Failed, reason Halted); when the arm or EOAT
/// is no longer Active (e.g. a comms loss sent it down its error path) the reason is HardwareFault.
/// <para>Lifecycle: add it to the <see cref="ControlLoop"/> with <see cref="ControlLoop.Add"/> before the loop runs.</para>
/// </summary>
public sealed class MotionRunner : IController
{
    private readonly MotionContext _context;
    private IMotionAction? _pending;
    private IMotionAction? _current;
    private volatile bool _haltRequested;
    private int _packed;
    private long _haltCount;

    /// <summary>Creates a runner.</summary>
    /// <param name="context">The cell's motion context.</param>
    public MotionRunner(MotionContext context) => _context = context;

    /// <summary>The context (states of the last cycle). Read it on the loop thread, or when the loop is stopped.</summary>
    public MotionContext Context => _context;

    /// <summary>Number of actions halted for safety or on request.</summary>
    public long HaltCount => Interlocked.Read(ref _haltCount);

    /// <summary>True while an action is pending or running.</summary>
    public bool IsBusy => Volatile.Read(ref _pending) is not null || Poll().Status == ActionStatus.Running;

    /// <summary>Requests <paramref name="action"/> to start on the next cycle. Any thread.</summary>
    /// <param name="action">The action (e.g. a <see cref="StowSequence"/>).</param>
    /// <returns>False when another action is pending or running.</returns>
    public bool Start(IMotionAction action)
    {
        if (Poll().Status == ActionStatus.Running)
        {
            return false;
        }

        if (Interlocked.CompareExchange(ref _pending, action, null) is not null)
        {
            return false;
        }

        _haltRequested = false;
        Publish(ActionResult.Running);
        return true;
    }

    /// <summary>The latest result of the current or last action. Any thread, no allocation.</summary>
    /// <returns>Idle before the first start; Running; Succeeded; or Failed with a reason.</returns>
    public ActionResult Poll()
    {
        var p = Volatile.Read(ref _packed);
        return new ActionResult((ActionStatus)(p & 0xff), (FailureReason)(p >> 8));
    }

    /// <summary>Requests a halt of the running action on the next cycle. Any thread.</summary>
    public void Halt() => _haltRequested = true;

    /// <inheritdoc/>
    public void Update(double time, double period)
    {
        var c = _context;
        c.Refresh(time, period);
        var pending = Interlocked.Exchange(ref _pending, null);
        if (pending is not null)
        {
            _current = pending;
            if (!c.MotionAllowed || _haltRequested)
            {
                HaltCurrent(c);
                return;
            }

            var r = pending.Start(c);
            Publish(r);
            if (r.IsDone)
            {
                _current = null;
            }

            return;
        }

        if (_current is null)
        {
            return;
        }

        if (!c.MotionAllowed || _haltRequested)
        {
            HaltCurrent(c);
            return;
        }

        var result = _current.Poll(c);
        Publish(result);
        if (result.IsDone)
        {
            _current = null;
        }
    }

    private void HaltCurrent(MotionContext c)
    {
        _current?.Halt(c);
        _current = null;
        _haltRequested = false;
        Interlocked.Increment(ref _haltCount);
        Publish(ActionResult.Failed(c.HardwareReady ? FailureReason.Halted : FailureReason.HardwareFault));
    }

    private void Publish(ActionResult r) => Volatile.Write(ref _packed, (int)r.Status | ((int)r.Reason << 8));
}
