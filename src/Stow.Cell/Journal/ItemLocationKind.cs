namespace Stow.Cell.Journal;

/// <summary>Where an inducted item is, as the journal records it (ARCHITECTURE.md, "Journal").</summary>
public enum ItemLocationKind
{
    /// <summary>In the induct buffer, waiting to be stowed (after induct, or after an unproductive attempt).</summary>
    Buffer = 1,

    /// <summary>Picked for an attempt and not yet recorded as ended: in the EOAT or on its way into a bin.</summary>
    InFlight = 2,

    /// <summary>Stowed in a bin of a pod.</summary>
    Bin = 3,

    /// <summary>Sent down the exception path (damaged, dropped, protruding, or rejected by an operator).</summary>
    Exception = 4,
}
