using Stateless;

namespace Stow.Cell.PackML;

/// <summary>The Stateless configuration of <see cref="PackMlCell"/>: the TR88 table, mode guards, state timers.</summary>
public sealed partial class PackMlCell
{
    /// <summary>
    /// One <c>Permit</c> per row of the PackML transition table of ANSI/ISA-TR88.00.02-2015 (figure 7, "PackML state
    /// model"), cross-checked with ros-industrial-consortium/packml <c>packml_sm/boost/packml_transition_table.h</c>.
    /// Two choices: the Execute state's own SC is the <see cref="PackMlCommand.Complete"/> command here, and Stopping
    /// accepts Abort (TR88 places every state but Aborting and Aborted inside the Abort region; the ROS table omits
    /// that row). Rows whose command a unit mode may lack are <c>PermitIf</c> with a named guard; the states such a
    /// mode also lacks are only reachable through those rows (<see cref="PackMlModeRules"/>).
    /// </summary>
    private void Configure(StateMachine<PackMlState, PackMlTrigger> m)
    {
        const PackMlTrigger SC = PackMlTrigger.StateComplete;
        foreach (var state in PackMlTransitionTable.States)
        {
            m.Configure(state).OnEntry(StartStateTimer).OnExit(StopStateTimer);
        }

        // Stop region: every state but Stopped, Stopping, Clearing, Aborting, Aborted accepts Stop.
        // Abort region: every state but Aborting and Aborted accepts Abort.
        StateMachine<PackMlState, PackMlTrigger>.StateConfiguration StopAbort(PackMlState s) => m.Configure(s)
            .Permit(PackMlTrigger.Stop, PackMlState.Stopping)
            .Permit(PackMlTrigger.Abort, PackMlState.Aborting);

        m.Configure(PackMlState.Stopped)
            .Permit(PackMlTrigger.Reset, PackMlState.Resetting)
            .Permit(PackMlTrigger.Abort, PackMlState.Aborting);
        StopAbort(PackMlState.Resetting).Permit(SC, PackMlState.Idle);
        StopAbort(PackMlState.Idle).Permit(PackMlTrigger.Start, PackMlState.Starting);
        StopAbort(PackMlState.Starting).Permit(SC, PackMlState.Execute);
        StopAbort(PackMlState.Execute)
            .PermitIf(PackMlTrigger.Complete, PackMlState.Completing, ModeOffersComplete)
            .PermitIf(PackMlTrigger.Hold, PackMlState.Holding, ModeOffersHold)
            .PermitIf(PackMlTrigger.Suspend, PackMlState.Suspending, ModeOffersSuspend);
        StopAbort(PackMlState.Completing).Permit(SC, PackMlState.Complete);
        StopAbort(PackMlState.Complete).Permit(PackMlTrigger.Reset, PackMlState.Resetting);
        StopAbort(PackMlState.Holding).Permit(SC, PackMlState.Held);
        StopAbort(PackMlState.Held).PermitIf(PackMlTrigger.Unhold, PackMlState.Unholding, ModeOffersUnhold);
        StopAbort(PackMlState.Unholding).Permit(SC, PackMlState.Execute);
        StopAbort(PackMlState.Suspending).Permit(SC, PackMlState.Suspended);
        StopAbort(PackMlState.Suspended).PermitIf(PackMlTrigger.Unsuspend, PackMlState.Unsuspending, ModeOffersUnsuspend);
        StopAbort(PackMlState.Unsuspending).Permit(SC, PackMlState.Execute);
        m.Configure(PackMlState.Stopping)
            .Permit(SC, PackMlState.Stopped)
            .Permit(PackMlTrigger.Abort, PackMlState.Aborting);
        m.Configure(PackMlState.Aborting).Permit(SC, PackMlState.Aborted);
        m.Configure(PackMlState.Aborted).Permit(PackMlTrigger.Clear, PackMlState.Clearing);
        m.Configure(PackMlState.Clearing)
            .Permit(SC, PackMlState.Stopped)
            .Permit(PackMlTrigger.Abort, PackMlState.Aborting);

        m.OnTransitionCompleted(OnTransitionCompleted);

        // Only a trigger queued by a handler can reach here: direct calls are checked with CanFire first.
        m.OnUnhandledTrigger((state, trigger) => OnRefused(state, trigger));
    }

    /// <summary>Guard: the unit mode offers Hold (not Manual).</summary>
    private bool ModeOffersHold() => PackMlModeRules.HasCommand(_mode, PackMlCommand.Hold);

    /// <summary>Guard: the unit mode offers Unhold (not Manual).</summary>
    private bool ModeOffersUnhold() => PackMlModeRules.HasCommand(_mode, PackMlCommand.Unhold);

    /// <summary>Guard: the unit mode offers Suspend (Production only).</summary>
    private bool ModeOffersSuspend() => PackMlModeRules.HasCommand(_mode, PackMlCommand.Suspend);

    /// <summary>Guard: the unit mode offers Unsuspend (Production only).</summary>
    private bool ModeOffersUnsuspend() => PackMlModeRules.HasCommand(_mode, PackMlCommand.Unsuspend);

    /// <summary>Guard: the unit mode offers Complete (Production only).</summary>
    private bool ModeOffersComplete() => PackMlModeRules.HasCommand(_mode, PackMlCommand.Complete);

    /// <summary>Entry action of every state: the state timer starts.</summary>
    private void StartStateTimer() => _enteredAt = _clock.Now;

    /// <summary>Exit action of every state: the state timer stops; its reading goes with the transition event.</summary>
    private void StopStateTimer() => _timeInLeftState = _clock.Now - _enteredAt;
}
