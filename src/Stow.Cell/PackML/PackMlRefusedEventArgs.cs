namespace Stow.Cell.PackML;

/// <summary>A command or SC refused because the current state (in the current mode) does not accept it.</summary>
/// <param name="State">State when the trigger was evaluated.</param>
/// <param name="Trigger">The refused command or SC.</param>
/// <param name="Mode">Unit mode in force.</param>
/// <param name="At">Clock time [s].</param>
public sealed record PackMlRefusedEventArgs(PackMlState State, PackMlTrigger Trigger, UnitMode Mode, double At);
