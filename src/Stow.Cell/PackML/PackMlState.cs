namespace Stow.Cell.PackML;

/// <summary>
/// The 17 states of the PackML state model (ANSI/ISA-TR88.00.02-2015, section 5.2 "States").
/// Acting states (names ending in <c>-ing</c>, plus <see cref="Execute"/>) do work and leave on a
/// state-complete (SC) event or a command; wait states (<see cref="Stopped"/>, <see cref="Idle"/>,
/// <see cref="Held"/>, <see cref="Suspended"/>, <see cref="Complete"/>, <see cref="Aborted"/>) leave only on
/// a command. The numeric values are the TR88 state numbers used by PackTags (<c>StateCurrent</c>).
/// </summary>
public enum PackMlState
{
    /// <summary>TR88 state 0 is "Undefined"; never a state of a running cell.</summary>
    Undefined = 0,

    /// <summary>Wait: powered, not producing; the Reset command leads to Resetting.</summary>
    Stopped = 2,

    /// <summary>Acting: prepares to execute (arm to its ready pose, buffer and pod checked).</summary>
    Starting = 3,

    /// <summary>Wait: ready, waiting for Start.</summary>
    Idle = 4,

    /// <summary>Wait: paused by an outside condition (starved or blocked: empty buffer, pod swap).</summary>
    Suspended = 5,

    /// <summary>Acting: production; stow cycles run here.</summary>
    Execute = 6,

    /// <summary>Acting: comes to a controlled stop.</summary>
    Stopping = 7,

    /// <summary>Acting: fast safe stop after an e-stop or a safety fault.</summary>
    Aborting = 8,

    /// <summary>Wait: after an abort; the Clear command leads to Clearing.</summary>
    Aborted = 9,

    /// <summary>Acting: pauses production because of an internal problem (jam, dropped item).</summary>
    Holding = 10,

    /// <summary>Wait: paused for an operator; Unhold resumes.</summary>
    Held = 11,

    /// <summary>Acting: prepares to resume from Held.</summary>
    Unholding = 12,

    /// <summary>Acting: pauses production because of an outside condition.</summary>
    Suspending = 13,

    /// <summary>Acting: prepares to resume from Suspended.</summary>
    Unsuspending = 14,

    /// <summary>Acting: prepares the cell for power-up readiness after an abort (clears faults).</summary>
    Clearing = 1,

    /// <summary>Acting: brings the cell to a known ready state for Idle (homing, clearing faults).</summary>
    Resetting = 15,

    /// <summary>Acting: wraps up a finished job (the pod is full or the order is done).</summary>
    Completing = 16,

    /// <summary>Wait: the job is complete; Reset leads to Resetting.</summary>
    Complete = 17,
}
