using Stow.Cell.Shift;

namespace Stow.Cell.PackML;

/// <summary>
/// <see cref="ICellStates"/> (the shift's port) over a <see cref="PackMlCell"/>: a typed command, then SC for
/// the acting state it leads to, so the shift sees the wait state (Reset → Idle, Hold → Held, Stop → Stopped).
/// Thread-safe as <see cref="PackMlCell"/> is.
/// </summary>
/// <param name="cell">The cell's PackML machine.</param>
public sealed class PackMlShiftStates(PackMlCell cell) : ICellStates
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
            Cell.StateComplete();
        }

        return true;
    }
}
