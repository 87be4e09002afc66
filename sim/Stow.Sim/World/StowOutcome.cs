namespace Stow.Sim.World;

/// <summary>The result class of one stow attempt (ARCHITECTURE.md, "Records").</summary>
public enum StowOutcome
{
    /// <summary>The item is in the bin, inside the band line.</summary>
    Stowed,

    /// <summary>The item was not stowed and went back to the buffer; only the primitives' effects remain.</summary>
    Unproductive,

    /// <summary>The item was damaged, dropped, or left protruding past the band line; it leaves the flow.</summary>
    Defect,
}
