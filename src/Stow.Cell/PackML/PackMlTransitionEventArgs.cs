namespace Stow.Cell.PackML;

/// <summary>One completed PackML transition, raised after the new state is current.</summary>
/// <param name="From">State left.</param>
/// <param name="To">State entered.</param>
/// <param name="Trigger">Command or SC that caused it.</param>
/// <param name="Mode">Unit mode in force.</param>
/// <param name="At">Clock time of the transition [s] (<see cref="Stow.Core.Time.IClock.Now"/>).</param>
/// <param name="TimeInFrom">How long the cell was in <paramref name="From"/> [s] (the state timer, stopped on exit).</param>
public sealed record PackMlTransitionEventArgs(
    PackMlState From, PackMlState To, PackMlTrigger Trigger, UnitMode Mode, double At, double TimeInFrom);
