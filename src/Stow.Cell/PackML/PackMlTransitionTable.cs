using System.Collections.Frozen;

namespace Stow.Cell.PackML;

/// <summary>
/// The PackML transition table of ANSI/ISA-TR88.00.02-2015 (figure 7, "PackML state model"), cross-checked
/// with ros-industrial-consortium/packml <c>packml_sm/boost/packml_transition_table.h</c>. Two choices:
/// the Execute state's own SC is the <see cref="PackMlCommand.Complete"/> command here, and Stopping accepts
/// Abort (TR88 places every state but Aborting and Aborted inside the Abort region; the ROS table omits that
/// row). Immutable; thread-safe.
/// </summary>
public static class PackMlTransitionTable
{
    private static readonly (PackMlState From, PackMlTrigger Trigger, PackMlState To)[] Rows = Build();

    private static readonly FrozenDictionary<(PackMlState, PackMlTrigger), PackMlState> Lookup =
        Rows.ToFrozenDictionary(r => (r.From, r.Trigger), r => r.To);

    /// <summary>The 17 states in the order TR88 draws them (top row left to right, then down).</summary>
    public static IReadOnlyList<PackMlState> States { get; } =
    [
        PackMlState.Stopped, PackMlState.Resetting, PackMlState.Idle, PackMlState.Starting, PackMlState.Execute,
        PackMlState.Completing, PackMlState.Complete, PackMlState.Holding, PackMlState.Held, PackMlState.Unholding,
        PackMlState.Suspending, PackMlState.Suspended, PackMlState.Unsuspending, PackMlState.Stopping,
        PackMlState.Aborting, PackMlState.Aborted, PackMlState.Clearing,
    ];

    /// <summary>Every allowed transition, in a fixed order (by source state as in <see cref="States"/>).</summary>
    public static IReadOnlyList<(PackMlState From, PackMlTrigger Trigger, PackMlState To)> Transitions => Rows;

    /// <summary>True for acting states, which wait for SC (<see cref="PackMlTrigger.StateComplete"/>).</summary>
    public static bool IsActing(PackMlState state) => state switch
    {
        PackMlState.Resetting or PackMlState.Starting or PackMlState.Completing or PackMlState.Holding
            or PackMlState.Unholding or PackMlState.Suspending or PackMlState.Unsuspending or PackMlState.Stopping
            or PackMlState.Aborting or PackMlState.Clearing => true,
        _ => false,
    };

    /// <summary>The target of <paramref name="trigger"/> in <paramref name="from"/>, ignoring unit modes.</summary>
    /// <returns>True with the target when the table has the row; false when the pair is refused.</returns>
    public static bool TryGetTarget(PackMlState from, PackMlTrigger trigger, out PackMlState to) =>
        Lookup.TryGetValue((from, trigger), out to);

    private static (PackMlState, PackMlTrigger, PackMlState)[] Build()
    {
        var rows = new List<(PackMlState, PackMlTrigger, PackMlState)>();
        void Row(PackMlState f, PackMlTrigger t, PackMlState to) => rows.Add((f, t, to));

        // Stop region: every state but Stopped, Stopping, Clearing, Aborting, Aborted accepts Stop.
        // Abort region: every state but Aborting and Aborted accepts Abort.
        void StopAbort(PackMlState f)
        {
            Row(f, PackMlTrigger.Stop, PackMlState.Stopping);
            Row(f, PackMlTrigger.Abort, PackMlState.Aborting);
        }

        Row(PackMlState.Stopped, PackMlTrigger.Reset, PackMlState.Resetting);
        Row(PackMlState.Stopped, PackMlTrigger.Abort, PackMlState.Aborting);
        Row(PackMlState.Resetting, PackMlTrigger.StateComplete, PackMlState.Idle);
        StopAbort(PackMlState.Resetting);
        Row(PackMlState.Idle, PackMlTrigger.Start, PackMlState.Starting);
        StopAbort(PackMlState.Idle);
        Row(PackMlState.Starting, PackMlTrigger.StateComplete, PackMlState.Execute);
        StopAbort(PackMlState.Starting);
        Row(PackMlState.Execute, PackMlTrigger.Complete, PackMlState.Completing);
        Row(PackMlState.Execute, PackMlTrigger.Hold, PackMlState.Holding);
        Row(PackMlState.Execute, PackMlTrigger.Suspend, PackMlState.Suspending);
        StopAbort(PackMlState.Execute);
        Row(PackMlState.Completing, PackMlTrigger.StateComplete, PackMlState.Complete);
        StopAbort(PackMlState.Completing);
        Row(PackMlState.Complete, PackMlTrigger.Reset, PackMlState.Resetting);
        StopAbort(PackMlState.Complete);
        Row(PackMlState.Holding, PackMlTrigger.StateComplete, PackMlState.Held);
        StopAbort(PackMlState.Holding);
        Row(PackMlState.Held, PackMlTrigger.Unhold, PackMlState.Unholding);
        StopAbort(PackMlState.Held);
        Row(PackMlState.Unholding, PackMlTrigger.StateComplete, PackMlState.Execute);
        StopAbort(PackMlState.Unholding);
        Row(PackMlState.Suspending, PackMlTrigger.StateComplete, PackMlState.Suspended);
        StopAbort(PackMlState.Suspending);
        Row(PackMlState.Suspended, PackMlTrigger.Unsuspend, PackMlState.Unsuspending);
        StopAbort(PackMlState.Suspended);
        Row(PackMlState.Unsuspending, PackMlTrigger.StateComplete, PackMlState.Execute);
        StopAbort(PackMlState.Unsuspending);
        Row(PackMlState.Stopping, PackMlTrigger.StateComplete, PackMlState.Stopped);
        Row(PackMlState.Stopping, PackMlTrigger.Abort, PackMlState.Aborting);
        Row(PackMlState.Aborting, PackMlTrigger.StateComplete, PackMlState.Aborted);
        Row(PackMlState.Aborted, PackMlTrigger.Clear, PackMlState.Clearing);
        Row(PackMlState.Clearing, PackMlTrigger.StateComplete, PackMlState.Stopped);
        Row(PackMlState.Clearing, PackMlTrigger.Abort, PackMlState.Aborting);
        return [.. rows];
    }
}
