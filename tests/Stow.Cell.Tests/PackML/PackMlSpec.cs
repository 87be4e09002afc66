using Stow.Cell.PackML;

namespace Stow.Cell.Tests.PackML;

/// <summary>
/// The PackML transition table written out independently of the production code, from
/// ANSI/ISA-TR88.00.02-2015 figure 7 as cross-checked with ros-industrial-consortium/packml
/// packml_transition_table.h (Execute's SC = Complete command; Stopping accepts Abort).
/// </summary>
internal static class PackMlSpec
{
    private const PackMlTrigger SC = PackMlTrigger.StateComplete;

    public static readonly (PackMlState From, PackMlTrigger Trigger, PackMlState To)[] Allowed = Build();

    public static IEnumerable<(PackMlState From, PackMlTrigger Trigger, PackMlState To)> AllowedIn(UnitMode mode) =>
        Allowed.Where(r => InMode(mode, r.From) && InMode(mode, r.To) && CommandInMode(mode, r.Trigger));

    public static bool InMode(UnitMode mode, PackMlState s) => mode switch
    {
        UnitMode.Production => true,
        UnitMode.Maintenance => s is not (PackMlState.Suspending or PackMlState.Suspended or PackMlState.Unsuspending
            or PackMlState.Completing or PackMlState.Complete),
        _ => InMode(UnitMode.Maintenance, s) && s is not (PackMlState.Holding or PackMlState.Held or PackMlState.Unholding),
    };

    private static bool CommandInMode(UnitMode mode, PackMlTrigger t) => mode switch
    {
        UnitMode.Production => true,
        UnitMode.Maintenance => t is not (PackMlTrigger.Suspend or PackMlTrigger.Unsuspend or PackMlTrigger.Complete),
        _ => CommandInMode(UnitMode.Maintenance, t) && t is not (PackMlTrigger.Hold or PackMlTrigger.Unhold),
    };

    private static (PackMlState, PackMlTrigger, PackMlState)[] Build()
    {
        const PackMlState Stopping = PackMlState.Stopping, Aborting = PackMlState.Aborting;
        return
        [
            (PackMlState.Stopped, PackMlTrigger.Reset, PackMlState.Resetting),
            (PackMlState.Stopped, PackMlTrigger.Abort, Aborting),
            (PackMlState.Resetting, SC, PackMlState.Idle),
            (PackMlState.Resetting, PackMlTrigger.Stop, Stopping),
            (PackMlState.Resetting, PackMlTrigger.Abort, Aborting),
            (PackMlState.Idle, PackMlTrigger.Start, PackMlState.Starting),
            (PackMlState.Idle, PackMlTrigger.Stop, Stopping),
            (PackMlState.Idle, PackMlTrigger.Abort, Aborting),
            (PackMlState.Starting, SC, PackMlState.Execute),
            (PackMlState.Starting, PackMlTrigger.Stop, Stopping),
            (PackMlState.Starting, PackMlTrigger.Abort, Aborting),
            (PackMlState.Execute, PackMlTrigger.Complete, PackMlState.Completing),
            (PackMlState.Execute, PackMlTrigger.Hold, PackMlState.Holding),
            (PackMlState.Execute, PackMlTrigger.Suspend, PackMlState.Suspending),
            (PackMlState.Execute, PackMlTrigger.Stop, Stopping),
            (PackMlState.Execute, PackMlTrigger.Abort, Aborting),
            (PackMlState.Completing, SC, PackMlState.Complete),
            (PackMlState.Completing, PackMlTrigger.Stop, Stopping),
            (PackMlState.Completing, PackMlTrigger.Abort, Aborting),
            (PackMlState.Complete, PackMlTrigger.Reset, PackMlState.Resetting),
            (PackMlState.Complete, PackMlTrigger.Stop, Stopping),
            (PackMlState.Complete, PackMlTrigger.Abort, Aborting),
            (PackMlState.Holding, SC, PackMlState.Held),
            (PackMlState.Holding, PackMlTrigger.Stop, Stopping),
            (PackMlState.Holding, PackMlTrigger.Abort, Aborting),
            (PackMlState.Held, PackMlTrigger.Unhold, PackMlState.Unholding),
            (PackMlState.Held, PackMlTrigger.Stop, Stopping),
            (PackMlState.Held, PackMlTrigger.Abort, Aborting),
            (PackMlState.Unholding, SC, PackMlState.Execute),
            (PackMlState.Unholding, PackMlTrigger.Stop, Stopping),
            (PackMlState.Unholding, PackMlTrigger.Abort, Aborting),
            (PackMlState.Suspending, SC, PackMlState.Suspended),
            (PackMlState.Suspending, PackMlTrigger.Stop, Stopping),
            (PackMlState.Suspending, PackMlTrigger.Abort, Aborting),
            (PackMlState.Suspended, PackMlTrigger.Unsuspend, PackMlState.Unsuspending),
            (PackMlState.Suspended, PackMlTrigger.Stop, Stopping),
            (PackMlState.Suspended, PackMlTrigger.Abort, Aborting),
            (PackMlState.Unsuspending, SC, PackMlState.Execute),
            (PackMlState.Unsuspending, PackMlTrigger.Stop, Stopping),
            (PackMlState.Unsuspending, PackMlTrigger.Abort, Aborting),
            (Stopping, SC, PackMlState.Stopped),
            (Stopping, PackMlTrigger.Abort, Aborting),
            (Aborting, SC, PackMlState.Aborted),
            (PackMlState.Aborted, PackMlTrigger.Clear, PackMlState.Clearing),
            (PackMlState.Clearing, SC, PackMlState.Stopped),
            (PackMlState.Clearing, PackMlTrigger.Abort, Aborting),
        ];
    }

    /// <summary>Shortest trigger sequence from Stopped to <paramref name="target"/> within <paramref name="mode"/>.</summary>
    public static IReadOnlyList<PackMlTrigger> PathTo(UnitMode mode, PackMlState target)
    {
        var prev = new Dictionary<PackMlState, (PackMlState, PackMlTrigger)>();
        var seen = new HashSet<PackMlState> { PackMlState.Stopped };
        var q = new Queue<PackMlState>([PackMlState.Stopped]);
        while (q.Count > 0)
        {
            var s = q.Dequeue();
            foreach (var (f, t, to) in AllowedIn(mode).Where(r => r.From == s))
            {
                if (seen.Add(to))
                {
                    prev[to] = (f, t);
                    q.Enqueue(to);
                }
            }
        }

        var path = new List<PackMlTrigger>();
        for (var s = target; s != PackMlState.Stopped; s = prev[s].Item1)
        {
            path.Add(prev[s].Item2);
        }

        path.Reverse();
        return path;
    }
}
