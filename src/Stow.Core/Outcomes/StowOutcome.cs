namespace Stow.Core.Outcomes;

/// <summary>
/// How a stow attempt ended (ARCHITECTURE.md, "Records"): the one outcome vocabulary of the cell, the planner's learning,
/// the journal and the simulator. The journal stores the names as text (<c>Stowed</c>, …) and JSON files the numbers,
/// so neither may change.
/// </summary>
public enum StowOutcome
{
    /// <summary>The item is in the target bin, behind the band line, undamaged: the only success.</summary>
    Stowed = 0,

    /// <summary>The item was not stowed (still held, or back in the buffer), undamaged; only the primitives' effects remain.</summary>
    Unproductive = 1,

    /// <summary>The item was damaged, dropped, or left protruding past the band line: it goes down the exception path.</summary>
    Defect = 2,

    /// <summary>The process stopped during the attempt (set by the journal's start-up reconciliation); the item awaits verification.</summary>
    Interrupted = 3,
}
