namespace Stow.Cell.Shift;

/// <summary>The PackML state machine as the shift drives it (commands and the current state name).</summary>
public interface ICellStates
{
    /// <summary>Current PackML state name (e.g. <c>Execute</c>).</summary>
    string State { get; }

    /// <summary>Issues a PackML command (Reset, Start, Stop, Hold, Unhold, Suspend, Unsuspend, Abort, Clear, Complete) and completes the acting state that follows.</summary>
    /// <returns>False when the command is not allowed in the current state.</returns>
    bool Command(string command);

    /// <summary>
    /// Blocks the calling (shift) thread while the cell is Held, Holding or Unholding by someone else's command (a
    /// supervisor's Hold), until it is Unheld or <paramref name="cancel"/> fires; returns at once otherwise.
    /// </summary>
    void WaitWhileHeld(CancellationToken cancel);
}
