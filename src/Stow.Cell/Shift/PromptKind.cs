namespace Stow.Cell.Shift;

/// <summary>
/// What the cell asks an operator to do (ARCHITECTURE.md, "Talks to people"): the shift passes it to its operator port
/// (<see cref="IOperatorChannel.Prompt"/>) as this enum; only the MQTT edge writes it as text (payload field <c>kind</c>).
/// </summary>
public enum PromptKind
{
    /// <summary>The pod is full enough: swap it for another.</summary>
    PodSwap = 1,

    /// <summary>The cell is Held on a jam: clear it.</summary>
    ClearJam = 2,

    /// <summary>An item went down the exception path: take it away.</summary>
    TakeExceptionItem = 3,
}
