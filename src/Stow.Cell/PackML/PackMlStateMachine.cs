using Microsoft.Extensions.Logging;
using Stow.Core.Time;

namespace Stow.Cell.PackML;

/// <summary>
/// The machine behind <see cref="PackMlCell"/>: current state and mode, a queue of triggers run to
/// completion, a state timer, logging and events. Thread-safe: every trigger is enqueued under one lock;
/// the thread that finds the queue idle drains it, raising events on that thread with the lock held, so a
/// handler that fires a trigger (re-entrant call) only enqueues it and it runs after the current one.
/// </summary>
internal sealed class PackMlStateMachine
{
    private readonly object _gate = new();
    private readonly Queue<PackMlTrigger> _queue = new();
    private readonly ILogger _logger;
    private readonly IClock _clock;
    private readonly Action<PackMlTransitionEventArgs> _onTransition;
    private readonly Action<PackMlRefusedEventArgs> _onRefused;
    private bool _draining;
    private PackMlState _state;
    private UnitMode _mode;
    private double _enteredAt;

    public PackMlStateMachine(
        PackMlState initial, UnitMode mode, IClock clock, ILogger logger,
        Action<PackMlTransitionEventArgs> onTransition, Action<PackMlRefusedEventArgs> onRefused)
    {
        if (!PackMlModeRules.HasState(mode, initial) || PackMlTransitionTable.IsActing(initial))
        {
            throw new ArgumentException($"{initial} is not a wait state of mode {mode}", nameof(initial));
        }

        _state = initial;
        _mode = mode;
        _clock = clock;
        _logger = logger;
        _onTransition = onTransition;
        _onRefused = onRefused;
        _enteredAt = clock.Now;
    }

    public PackMlState State
    {
        get { lock (_gate) { return _state; } }
    }

    public UnitMode Mode
    {
        get { lock (_gate) { return _mode; } }
    }

    public double EnteredAt
    {
        get { lock (_gate) { return _enteredAt; } }
    }

    public bool CanFire(PackMlTrigger trigger)
    {
        lock (_gate)
        {
            return PackMlModeRules.TryGetTarget(_mode, _state, trigger, out _);
        }
    }

    public bool TrySetMode(UnitMode mode)
    {
        lock (_gate)
        {
            if (mode == _mode)
            {
                return true;
            }

            if (_draining || !PackMlModeRules.CanChangeModeIn(_state) || !PackMlModeRules.HasState(mode, _state))
            {
                _logger.LogWarning("PackML mode change {From} -> {To} refused in state {State}", _mode, mode, _state);
                return false;
            }

            _logger.LogInformation("PackML mode {From} -> {To} in state {State}", _mode, mode, _state);
            _mode = mode;
            return true;
        }
    }

    /// <summary>Fires a trigger; returns whether it was accepted, or true when queued by a re-entrant call.</summary>
    public bool Fire(PackMlTrigger trigger)
    {
        lock (_gate)
        {
            _queue.Enqueue(trigger);
            if (_draining)
            {
                _logger.LogDebug("PackML {Trigger} queued behind the running transition", trigger);
                return true;
            }

            _draining = true;
            try
            {
                var first = Step(_queue.Dequeue());
                while (_queue.TryDequeue(out var next))
                {
                    Step(next);
                }

                return first;
            }
            finally
            {
                _queue.Clear();
                _draining = false;
            }
        }
    }

    private bool Step(PackMlTrigger trigger)
    {
        var now = _clock.Now;
        if (!PackMlModeRules.TryGetTarget(_mode, _state, trigger, out var to))
        {
            _logger.LogInformation("PackML {Trigger} refused in {State} ({Mode})", trigger, _state, _mode);
            _onRefused(new PackMlRefusedEventArgs(_state, trigger, _mode, now));
            return false;
        }

        var from = _state;
        var timeInFrom = now - _enteredAt;
        _state = to;
        _enteredAt = now;
        _logger.LogInformation(
            "PackML {From} --{Trigger}--> {To} ({Mode}, {Seconds:F3} s in {From2})", from, trigger, to, _mode, timeInFrom, from);
        _onTransition(new PackMlTransitionEventArgs(from, to, trigger, _mode, now, timeInFrom));
        return true;
    }
}
