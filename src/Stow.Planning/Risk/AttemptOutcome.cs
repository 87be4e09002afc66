namespace Stow.Planning.Risk;

/// <summary>How one stow attempt ended (ARCHITECTURE.md, "Records").</summary>
public enum AttemptOutcome
{
    /// <summary>The item is in the bin, undamaged and not protruding: the only success.</summary>
    Stowed = 0,

    /// <summary>The item was not stowed (still held, returned to the buffer): no damage.</summary>
    Unproductive = 1,

    /// <summary>The item was damaged, dropped, or left protruding from the bin.</summary>
    Defect = 2,
}
