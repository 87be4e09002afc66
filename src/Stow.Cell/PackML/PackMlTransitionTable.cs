namespace Stow.Cell.PackML;

/// <summary>
/// The PackML states and transitions as configured on <see cref="PackMlCell"/>'s Stateless machine (read back
/// through <c>GetInfo()</c>, so a test can hold the configuration against ANSI/ISA-TR88.00.02-2015 row for row).
/// Immutable; thread-safe.
/// </summary>
public static class PackMlTransitionTable
{
    private static readonly Lazy<(PackMlState From, PackMlTrigger Trigger, PackMlState To)[]> Rows = new(Read);

    /// <summary>The 17 states in the order TR88 draws them (top row left to right, then down).</summary>
    public static IReadOnlyList<PackMlState> States { get; } =
    [
        PackMlState.Stopped, PackMlState.Resetting, PackMlState.Idle, PackMlState.Starting, PackMlState.Execute,
        PackMlState.Completing, PackMlState.Complete, PackMlState.Holding, PackMlState.Held, PackMlState.Unholding,
        PackMlState.Suspending, PackMlState.Suspended, PackMlState.Unsuspending, PackMlState.Stopping,
        PackMlState.Aborting, PackMlState.Aborted, PackMlState.Clearing,
    ];

    /// <summary>
    /// Every transition of the Production mode (no guard refuses there), in the configuration's order (by source
    /// state as in <see cref="States"/>).
    /// </summary>
    public static IReadOnlyList<(PackMlState From, PackMlTrigger Trigger, PackMlState To)> Transitions => Rows.Value;

    /// <summary>True for acting states, which wait for SC (<see cref="PackMlTrigger.StateComplete"/>).</summary>
    public static bool IsActing(PackMlState state) => state switch
    {
        PackMlState.Resetting or PackMlState.Starting or PackMlState.Completing or PackMlState.Holding
            or PackMlState.Unholding or PackMlState.Suspending or PackMlState.Unsuspending or PackMlState.Stopping
            or PackMlState.Aborting or PackMlState.Clearing => true,
        _ => false,
    };

    private static (PackMlState, PackMlTrigger, PackMlState)[] Read() =>
    [
        .. PackMlCell.Describe().States
            .SelectMany(s => s.FixedTransitions.Select(t => (
                (PackMlState)s.UnderlyingState,
                (PackMlTrigger)t.Trigger.UnderlyingTrigger,
                (PackMlState)t.DestinationState.UnderlyingState))),
    ];
}
