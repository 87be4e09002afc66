namespace Stow.Cell.PackML;

/// <summary>
/// Which states, commands and mode changes each <see cref="UnitMode"/> allows. TR88.00.02 leaves the
/// per-mode subset to the user (section 5.1.1, "unit mode manager"); the rule applied here is:
/// <list type="bullet">
/// <item>Production: all 17 states, all 10 commands.</item>
/// <item>Maintenance: no Suspending/Suspended/Unsuspending and no Completing/Complete (a maintenance run is
/// not starved/blocked by the plant and never completes a job), so no Suspend, Unsuspend or Complete.</item>
/// <item>Manual: as Maintenance, and also no Holding/Held/Unholding (an operator at the controls stops
/// instead of holding), so no Hold or Unhold.</item>
/// <item>Stop and Abort are available in every mode (safety); a transition whose target the mode lacks is
/// refused (the guards of <see cref="PackMlCell"/>'s machine).</item>
/// <item>The mode may change only in Stopped, Idle or Aborted (wait states every mode has).</item>
/// </list>
/// Immutable; thread-safe.
/// </summary>
public static class PackMlModeRules
{
    /// <summary>True when <paramref name="mode"/> has <paramref name="state"/>.</summary>
    public static bool HasState(UnitMode mode, PackMlState state) => mode switch
    {
        UnitMode.Production => state != PackMlState.Undefined,
        UnitMode.Maintenance => state is not (PackMlState.Undefined or PackMlState.Suspending or PackMlState.Suspended
            or PackMlState.Unsuspending or PackMlState.Completing or PackMlState.Complete),
        UnitMode.Manual => HasState(UnitMode.Maintenance, state) &&
            state is not (PackMlState.Holding or PackMlState.Held or PackMlState.Unholding),
        _ => false,
    };

    /// <summary>True when <paramref name="mode"/> offers <paramref name="command"/> at all.</summary>
    public static bool HasCommand(UnitMode mode, PackMlCommand command) => mode switch
    {
        UnitMode.Production => true,
        UnitMode.Maintenance => command is not (PackMlCommand.Suspend or PackMlCommand.Unsuspend or PackMlCommand.Complete),
        UnitMode.Manual => HasCommand(UnitMode.Maintenance, command) &&
            command is not (PackMlCommand.Hold or PackMlCommand.Unhold),
        _ => false,
    };

    /// <summary>True when the unit mode may be changed while in <paramref name="state"/>.</summary>
    public static bool CanChangeModeIn(PackMlState state) =>
        state is PackMlState.Stopped or PackMlState.Idle or PackMlState.Aborted;
}
