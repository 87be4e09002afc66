using Stow.Cell.PackML;

namespace Stow.Cell.Shift;

/// <summary>The PackML state machine as the shift drives it (typed commands and the current state).</summary>
public interface ICellStates
{
    /// <summary>Current PackML state.</summary>
    PackMlState State { get; }

    /// <summary>Issues a PackML command and completes the acting state that follows.</summary>
    /// <returns>False when the command is not allowed in the current state and mode.</returns>
    bool Command(PackMlCommand command);

    /// <summary>
    /// Blocks the calling (shift) thread while the cell is Held, Holding or Unholding by someone else's command (a
    /// supervisor's Hold), until it is Unheld or <paramref name="cancel"/> fires; returns at once otherwise.
    /// </summary>
    void WaitWhileHeld(CancellationToken cancel);
}
