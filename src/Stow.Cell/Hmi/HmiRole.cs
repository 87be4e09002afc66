namespace Stow.Cell.Hmi;

/// <summary>What an HMI user may do; the server checks it on every request (a hidden button is not enforcement).</summary>
public enum HmiRole
{
    /// <summary>Sees the cell, acknowledges prompts and triggers the recovery actions a prompt offers; never commands motion or PackML.</summary>
    Operator = 1,

    /// <summary>Everything an operator may do, plus PackML commands (Start, Stop, Hold, Unhold, Reset, Abort, Clear).</summary>
    Supervisor = 2,
}
