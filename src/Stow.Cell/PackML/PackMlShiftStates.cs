using Stow.Cell.Shift;

namespace Stow.Cell.PackML;

/// <summary>
/// <see cref="ICellStates"/> (the shift's port) over a <see cref="PackMlCell"/>: a typed command, then the acting
/// state's work (<paramref name="work"/>: e.g. hardware bring-up in Resetting, fault clearing in Clearing) and SC, so the
/// shift sees the wait state (Reset → Idle, Hold → Held, Stop → Stopped). Work that fails leaves the cell in its acting
/// state and the command returns false. Thread-safe as <see cref="PackMlCell"/> is (work runs on the caller's thread).
/// </summary>
/// <param name="cell">The cell's PackML machine.</param>
/// <param name="work">The work of each acting state that has some (returns true when done); null: none.</param>
public sealed class PackMlShiftStates(PackMlCell cell, IReadOnlyDictionary<PackMlState, Func<bool>>? work = null) : ICellStates
{
    /// <summary>The machine driven.</summary>
    public PackMlCell Cell { get; } = cell;

    /// <inheritdoc />
    public PackMlState State => Cell.State;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="command"/> is not a defined command.</exception>
    public bool Command(PackMlCommand command)
    {
        if (!Cell.Execute(command))
        {
            return false;
        }

        if (Cell.IsActing)
        {
            if (work is not null && work.TryGetValue(Cell.State, out var act) && !act())
            {
                return false;
            }

            Cell.StateComplete();
        }

        return true;
    }

    /// <inheritdoc />
    /// <remarks>Wakes on every PackML transition; an acting Holding or Unholding state left by a command is completed by
    /// whoever issued it (the HMI and the MQTT supervisor path issue SC after the command).</remarks>
    public void WaitWhileHeld(CancellationToken cancel)
    {
        if (!IsHeld(Cell.State))
        {
            return;
        }

        using var changed = new SemaphoreSlim(0);
        void OnTransition(object? sender, PackMlTransitionEventArgs e) => changed.Release();
        Cell.Transitioned += OnTransition;
        try
        {
            while (IsHeld(Cell.State) && !cancel.IsCancellationRequested)
            {
                try
                {
                    changed.Wait(cancel);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            Cell.Transitioned -= OnTransition;
        }
    }

    private static bool IsHeld(PackMlState s) => s is PackMlState.Holding or PackMlState.Held or PackMlState.Unholding;
}
