using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stateless;
using Stateless.Graph;
using Stow.Core.Time;

namespace Stow.Cell.PackML;

/// <summary>
/// The cell's PackML state model (ANSI/ISA-TR88.00.02-2015): 17 states, 10 commands, SC events, unit
/// modes. The host drives it: it calls a command method (<see cref="Start"/>, <see cref="Hold"/>, …) when an
/// operator, the plant or its own logic asks, watches <see cref="Transitioned"/>, does the work of each
/// acting state it enters and then calls <see cref="StateComplete"/>.
/// </summary>
/// <remarks>
/// The machine is a private Stateless <c>StateMachine&lt;PackMlState, PackMlTrigger&gt;</c> in
/// <see cref="FiringMode.Queued"/>, configured in <c>PackMlCell.Configuration.cs</c>: one <c>Permit</c> per row of
/// the TR88 table, a named guard on each row that a unit mode may lack (<see cref="PackMlModeRules"/>), and on every
/// state an entry action that starts the state timer and an exit action that stops it.
/// Threading: every member is thread-safe. Triggers are fired under one lock and run to completion one at a time;
/// events are raised synchronously on the thread that fired the trigger, while the lock is held, so a
/// handler must not block waiting on another thread that uses this cell. A handler may fire further
/// triggers: Stateless queues them and runs them after the current transition completes (the call then returns
/// true, "queued"). An exception thrown by a handler is logged as an error and does not stop the machine.
/// </remarks>
public sealed partial class PackMlCell
{
    private readonly object _gate = new();
    private readonly StateMachine<PackMlState, PackMlTrigger> _machine;
    private readonly ILogger _logger;
    private readonly IClock _clock;
    private PackMlState _state;
    private UnitMode _mode;
    private double _enteredAt;
    private double _timeInLeftState;
    private bool _firing;

    /// <summary>Creates a cell in <paramref name="initial"/> (a wait state of <paramref name="mode"/>).</summary>
    /// <param name="clock">Time source for the state timer and event times.</param>
    /// <param name="logger">Receives one Information line per transition or refusal; null for none.</param>
    /// <param name="mode">Initial unit mode.</param>
    /// <param name="initial">Initial state; TR88 powers up in Stopped.</param>
    /// <exception cref="ArgumentException"><paramref name="initial"/> is an acting state or not in the mode.</exception>
    public PackMlCell(IClock clock, ILogger? logger = null, UnitMode mode = UnitMode.Production,
        PackMlState initial = PackMlState.Stopped)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (!PackMlModeRules.HasState(mode, initial) || PackMlTransitionTable.IsActing(initial))
        {
            throw new ArgumentException($"{initial} is not a wait state of mode {mode}", nameof(initial));
        }

        _clock = clock;
        _logger = logger ?? NullLogger.Instance;
        _state = initial;
        _mode = mode;
        _enteredAt = clock.Now;
        _machine = new StateMachine<PackMlState, PackMlTrigger>(() => _state, s => _state = s, FiringMode.Queued);
        Configure(_machine);
    }

    /// <summary>Raised after each transition, on the firing thread (see remarks on the class).</summary>
    public event EventHandler<PackMlTransitionEventArgs>? Transitioned;

    /// <summary>Raised when a command or SC is refused in the current state and mode.</summary>
    public event EventHandler<PackMlRefusedEventArgs>? Refused;

    /// <summary>Current state.</summary>
    public PackMlState State
    {
        get { lock (_gate) { return _state; } }
    }

    /// <summary>Current unit mode.</summary>
    public UnitMode Mode
    {
        get { lock (_gate) { return _mode; } }
    }

    /// <summary>Time spent in the current state so far [s] (the state timer, started on entry).</summary>
    public double TimeInState
    {
        get { lock (_gate) { return _clock.Now - _enteredAt; } }
    }

    /// <summary>True in an acting state, whose work the host must finish with <see cref="StateComplete"/>.</summary>
    public bool IsActing => PackMlTransitionTable.IsActing(State);

    /// <summary>True when <see cref="Reset"/> would be accepted now.</summary>
    public bool CanReset => CanExecute(PackMlCommand.Reset);

    /// <summary>True when <see cref="Start"/> would be accepted now.</summary>
    public bool CanStart => CanExecute(PackMlCommand.Start);

    /// <summary>True when <see cref="Stop"/> would be accepted now.</summary>
    public bool CanStop => CanExecute(PackMlCommand.Stop);

    /// <summary>True when <see cref="Hold"/> would be accepted now.</summary>
    public bool CanHold => CanExecute(PackMlCommand.Hold);

    /// <summary>True when <see cref="Unhold"/> would be accepted now.</summary>
    public bool CanUnhold => CanExecute(PackMlCommand.Unhold);

    /// <summary>True when <see cref="Suspend"/> would be accepted now.</summary>
    public bool CanSuspend => CanExecute(PackMlCommand.Suspend);

    /// <summary>True when <see cref="Unsuspend"/> would be accepted now.</summary>
    public bool CanUnsuspend => CanExecute(PackMlCommand.Unsuspend);

    /// <summary>True when <see cref="Abort"/> would be accepted now.</summary>
    public bool CanAbort => CanExecute(PackMlCommand.Abort);

    /// <summary>True when <see cref="Clear"/> would be accepted now.</summary>
    public bool CanClear => CanExecute(PackMlCommand.Clear);

    /// <summary>True when <see cref="Complete"/> would be accepted now.</summary>
    public bool CanComplete => CanExecute(PackMlCommand.Complete);

    /// <summary>True when <see cref="StateComplete"/> would be accepted now (an acting state of the mode).</summary>
    public bool CanStateComplete => CanFire(PackMlTrigger.StateComplete);

    /// <summary>True when <paramref name="command"/> would be accepted in the current state and mode.</summary>
    public bool CanExecute(PackMlCommand command) => Enum.IsDefined(command) && CanFire((PackMlTrigger)command);

    /// <summary>Stopped/Complete → Resetting. Returns false (and logs) when refused.</summary>
    public bool Reset() => Execute(PackMlCommand.Reset);

    /// <summary>Idle → Starting. Returns false (and logs) when refused.</summary>
    public bool Start() => Execute(PackMlCommand.Start);

    /// <summary>Most states → Stopping. Returns false (and logs) when refused.</summary>
    public bool Stop() => Execute(PackMlCommand.Stop);

    /// <summary>Execute → Holding (internal problem: jam, dropped item). Returns false when refused.</summary>
    public bool Hold() => Execute(PackMlCommand.Hold);

    /// <summary>Held → Unholding. Returns false when refused.</summary>
    public bool Unhold() => Execute(PackMlCommand.Unhold);

    /// <summary>Execute → Suspending (starved/blocked: empty buffer, pod swap). Returns false when refused.</summary>
    public bool Suspend() => Execute(PackMlCommand.Suspend);

    /// <summary>Suspended → Unsuspending. Returns false when refused.</summary>
    public bool Unsuspend() => Execute(PackMlCommand.Unsuspend);

    /// <summary>Any state but Aborting/Aborted → Aborting (e-stop, safety fault). Returns false when refused.</summary>
    public bool Abort() => Execute(PackMlCommand.Abort);

    /// <summary>Aborted → Clearing. Returns false when refused.</summary>
    public bool Clear() => Execute(PackMlCommand.Clear);

    /// <summary>Execute → Completing (the job is done, e.g. the pod is full). Returns false when refused.</summary>
    public bool Complete() => Execute(PackMlCommand.Complete);

    /// <summary>SC: the current acting state's work is done. Returns false when not in an acting state.</summary>
    public bool StateComplete() => Fire(PackMlTrigger.StateComplete);

    /// <summary>Fires <paramref name="command"/> (the typed form of a command that arrived as data, e.g. over MQTT).</summary>
    /// <returns>True when accepted (or queued by a handler's re-entrant call); false when refused.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="command"/> is not a defined command.</exception>
    public bool Execute(PackMlCommand command)
    {
        if (!Enum.IsDefined(command))
        {
            throw new ArgumentOutOfRangeException(nameof(command), command, "not a PackML command");
        }

        return Fire((PackMlTrigger)command);
    }

    /// <summary>Changes the unit mode; allowed only in Stopped, Idle or Aborted (<see cref="PackMlModeRules"/>).</summary>
    /// <returns>True when the mode is now <paramref name="mode"/>; false (logged) when refused.</returns>
    public bool TrySetMode(UnitMode mode)
    {
        lock (_gate)
        {
            if (mode == _mode)
            {
                return true;
            }

            if (_firing || !PackMlModeRules.CanChangeModeIn(_state) || !PackMlModeRules.HasState(mode, _state))
            {
                _logger.LogWarning("PackML mode change {From} -> {To} refused in state {State}", _mode, mode, _state);
                return false;
            }

            _logger.LogInformation("PackML mode {From} -> {To} in state {State}", _mode, mode, _state);
            _mode = mode;
            return true;
        }
    }

    /// <summary>
    /// The machine as a Graphviz DOT digraph, from Stateless's <c>UmlDotGraph.Format(GetInfo())</c>: one edge per
    /// TR88 row, labelled with the trigger and, on rows a unit mode may lack, the guard's name; entry and exit
    /// actions on the states. Deterministic (the configuration order), so a test compares it with
    /// <c>docs/packml.dot</c>. Thread-safe.
    /// </summary>
    public static string ToDotGraph() => UmlDotGraph.Format(Describe());

    /// <summary>The configured machine (states, transitions, guards, actions) from a fresh cell in Stopped.</summary>
    internal static Stateless.Reflection.StateMachineInfo Describe() =>
        new PackMlCell(new VirtualClock())._machine.GetInfo();

    private bool CanFire(PackMlTrigger trigger)
    {
        lock (_gate)
        {
            return _machine.CanFire(trigger);
        }
    }

    private bool Fire(PackMlTrigger trigger)
    {
        lock (_gate)
        {
            if (_firing)
            {
                // Re-entrant call from a handler: Stateless queues it behind the running transition.
                _logger.LogDebug("PackML {Trigger} queued behind the running transition", trigger);
                _machine.Fire(trigger);
                return true;
            }

            if (!_machine.CanFire(trigger))
            {
                OnRefused(_state, trigger);
                return false;
            }

            _firing = true;
            try
            {
                _machine.Fire(trigger);
                return true;
            }
            finally
            {
                _firing = false;
            }
        }
    }

    private void OnRefused(PackMlState state, PackMlTrigger trigger)
    {
        _logger.LogInformation("PackML {Trigger} refused in {State} ({Mode})", trigger, state, _mode);
        Raise(Refused, new PackMlRefusedEventArgs(state, trigger, _mode, _clock.Now));
    }

    private void OnTransitionCompleted(StateMachine<PackMlState, PackMlTrigger>.Transition t)
    {
        _logger.LogInformation(
            "PackML {From} --{Trigger}--> {To} ({Mode}, {Seconds:F3} s in {From2})",
            t.Source, t.Trigger, t.Destination, _mode, _timeInLeftState, t.Source);
        Raise(Transitioned, new PackMlTransitionEventArgs(t.Source, t.Destination, t.Trigger, _mode, _enteredAt, _timeInLeftState));
    }

    private void Raise<T>(EventHandler<T>? handlers, T e)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var d in handlers.GetInvocationList())
        {
            try
            {
                ((EventHandler<T>)d)(this, e);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "PackML event handler failed on {Event}", e);
            }
        }
    }
}
