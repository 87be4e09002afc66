using Stow.Cell.Shift;

namespace Stow.Cell.PackML;

/// <summary>
/// <see cref="ICellStates"/> (the shift's port) over a <see cref="PackMlCell"/>: a command by name, then SC for
/// the acting state it leads to, so the shift sees the wait state (Reset → Idle, Hold → Held, Stop → Stopped).
/// Thread-safe as <see cref="PackMlCell"/> is.
/// </summary>
/// <param name="cell">The cell's PackML machine.</param>
public sealed class PackMlShiftStates(PackMlCell cell) : ICellStates
{
    /// <summary>The machine driven.</summary>
    public PackMlCell Cell { get; } = cell;

    /// <inheritdoc />
    public string State => Cell.State.ToString();

    /// <inheritdoc />
    /// <remarks>Unknown command names (case-sensitive, e.g. <c>Start</c>) return false and change nothing.</remarks>
    public bool Command(string command)
    {
        if (command.Length == 0 || !char.IsAsciiLetterUpper(command[0]) ||
            !Enum.TryParse<PackMlCommand>(command, false, out var c) || !Enum.IsDefined(c))
        {
            return false;
        }

        if (!Cell.Execute(c))
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
