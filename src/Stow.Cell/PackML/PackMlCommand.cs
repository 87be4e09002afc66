namespace Stow.Cell.PackML;

/// <summary>
/// The ten commands of the PackML state model (ANSI/ISA-TR88.00.02-2015, section 5.3; PackTags
/// <c>CntrlCmd</c>, plus <see cref="Complete"/> which OMAC implementations expose for the Execute state's
/// own completion). The state-complete (SC) event is not a command: see <see cref="PackMlTrigger.StateComplete"/>.
/// </summary>
public enum PackMlCommand
{
    /// <summary>Stopped or Complete → Resetting.</summary>
    Reset = 1,

    /// <summary>Idle → Starting.</summary>
    Start = 2,

    /// <summary>Any state except Stopped, Stopping, Clearing, Aborting, Aborted → Stopping.</summary>
    Stop = 3,

    /// <summary>Execute → Holding.</summary>
    Hold = 4,

    /// <summary>Held → Unholding.</summary>
    Unhold = 5,

    /// <summary>Execute → Suspending.</summary>
    Suspend = 6,

    /// <summary>Suspended → Unsuspending.</summary>
    Unsuspend = 7,

    /// <summary>Any state except Aborting and Aborted → Aborting.</summary>
    Abort = 8,

    /// <summary>Aborted → Clearing.</summary>
    Clear = 9,

    /// <summary>Execute → Completing (the job is done: the Execute state's SC in TR88).</summary>
    Complete = 10,
}
