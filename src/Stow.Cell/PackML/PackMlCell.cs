using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stow.Core.Time;

namespace Stow.Cell.PackML;

/// <summary>
/// The cell's PackML state model (ANSI/ISA-TR88.00.02-2015): 17 states, 10 commands, SC events, unit
/// modes. The host drives it: it calls a command method (<see cref="Start"/>, <see cref="Hold"/>, …) when an
/// operator, the plant or its own logic asks, watches <see cref="Transitioned"/>, does the work of each
/// acting state it enters and then calls <see cref="StateComplete"/>.
/// </summary>
/// <remarks>
/// Threading: every member is thread-safe. Triggers are queued and run to completion one at a time; events
/// are raised synchronously on the thread that fired the trigger, while the machine's lock is held, so a
/// handler must not block waiting on another thread that uses this cell. A handler may fire further
/// triggers: they run after the current transition completes (the call then returns true, "queued"). An
/// exception thrown by a handler is logged as an error and does not stop the machine.
/// Sources: transition table <see cref="PackMlTransitionTable"/>; modes <see cref="PackMlModeRules"/>.
/// </remarks>
public sealed class PackMlCell
{
    private readonly PackMlStateMachine _machine;
    private readonly ILogger _logger;
    private readonly IClock _clock;

    /// <summary>Creates a cell in <paramref name="initial"/> (a wait state of <paramref name="mode"/>).</summary>
    /// <param name="clock">Time source for the state timer and event times.</param>
    /// <param name="logger">Receives one Information line per transition or refusal; null for none.</param>
    /// <param name="mode">Initial unit mode.</param>
    /// <param name="initial">Initial state; TR88 powers up in Stopped.</param>
    /// <exception cref="ArgumentException"><paramref name="initial"/> is an acting state or not in the mode.</exception>
    public PackMlCell(IClock clock, ILogger? logger = null, UnitMode mode = UnitMode.Production,
        PackMlState initial = PackMlState.Stopped)
    {
        _clock = clock;
        _logger = logger ?? NullLogger.Instance;
        _machine = new PackMlStateMachine(initial, mode, clock, _logger, RaiseTransitioned, RaiseRefused);
    }

    /// <summary>Raised after each transition, on the firing thread (see remarks on the class).</summary>
    public event EventHandler<PackMlTransitionEventArgs>? Transitioned;

    /// <summary>Raised when a command or SC is refused in the current state and mode.</summary>
    public event EventHandler<PackMlRefusedEventArgs>? Refused;

    /// <summary>Current state.</summary>
    public PackMlState State => _machine.State;

    /// <summary>Current unit mode.</summary>
    public UnitMode Mode => _machine.Mode;

    /// <summary>Time spent in the current state so far [s] (the state timer, started on entry).</summary>
    public double TimeInState => _clock.Now - _machine.EnteredAt;

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
    public bool CanStateComplete => _machine.CanFire(PackMlTrigger.StateComplete);

    /// <summary>True when <paramref name="command"/> would be accepted in the current state and mode.</summary>
    public bool CanExecute(PackMlCommand command) => _machine.CanFire((PackMlTrigger)command);

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
    public bool StateComplete() => _machine.Fire(PackMlTrigger.StateComplete);

    /// <summary>
    /// Fires <paramref name="command"/> (for commands that arrive as data, e.g. over MQTT).
    /// </summary>
    /// <returns>True when accepted (or queued by a handler's re-entrant call); false when refused.</returns>
    public bool Execute(PackMlCommand command)
    {
        if (!Enum.IsDefined(command))
        {
            throw new ArgumentOutOfRangeException(nameof(command), command, "not a PackML command");
        }

        return _machine.Fire((PackMlTrigger)command);
    }

    /// <summary>Changes the unit mode; allowed only in Stopped, Idle or Aborted (<see cref="PackMlModeRules"/>).</summary>
    /// <returns>True when the mode is now <paramref name="mode"/>; false (logged) when refused.</returns>
    public bool TrySetMode(UnitMode mode) => _machine.TrySetMode(mode);

    /// <summary>The machine of <paramref name="mode"/> as a Graphviz DOT digraph (<see cref="PackMlDotGraph"/>).</summary>
    public static string ToDotGraph(UnitMode mode = UnitMode.Production) => PackMlDotGraph.Write(mode);

    private void RaiseTransitioned(PackMlTransitionEventArgs e) => Raise(Transitioned, e);

    private void RaiseRefused(PackMlRefusedEventArgs e) => Raise(Refused, e);

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
