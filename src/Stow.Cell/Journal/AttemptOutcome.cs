namespace Stow.Cell.Journal;

/// <summary>How a stow attempt ended (ARCHITECTURE.md, "Records").</summary>
public enum AttemptOutcome
{
    /// <summary>The item is in the target bin.</summary>
    Stowed = 1,

    /// <summary>The item was not stowed and is back in the buffer, undamaged.</summary>
    Unproductive = 2,

    /// <summary>The item was damaged, dropped or left protruding: it goes down the exception path.</summary>
    Defect = 3,

    /// <summary>The process stopped during the attempt; set at start-up reconciliation, the item awaits verification.</summary>
    Interrupted = 4,
}
