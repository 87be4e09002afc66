using Microsoft.Extensions.Logging;
using Stow.Cell.PackML;
using Stow.Cell.Tests.Support;
using Stow.Core.Time;

namespace Stow.Cell.Tests.PackML;

public sealed class PackMlCellTests
{
    public static TheoryData<UnitMode, PackMlState, PackMlTrigger, PackMlState> AllowedTransitions()
    {
        var data = new TheoryData<UnitMode, PackMlState, PackMlTrigger, PackMlState>();
        foreach (var mode in Enum.GetValues<UnitMode>())
        {
            foreach (var (f, t, to) in PackMlSpec.AllowedIn(mode))
            {
                data.Add(mode, f, t, to);
            }
        }

        return data;
    }

    public static TheoryData<UnitMode, PackMlState, PackMlTrigger> RefusedPairs()
    {
        var data = new TheoryData<UnitMode, PackMlState, PackMlTrigger>();
        foreach (var mode in Enum.GetValues<UnitMode>())
        {
            var allowed = PackMlSpec.AllowedIn(mode).Select(r => (r.From, r.Trigger)).ToHashSet();
            foreach (var s in PackMlTransitionTable.States.Where(s => PackMlSpec.InMode(mode, s)))
            {
                foreach (var t in Enum.GetValues<PackMlTrigger>().Where(t => !allowed.Contains((s, t))))
                {
                    data.Add(mode, s, t);
                }
            }
        }

        return data;
    }

    [Theory(Timeout = 10_000)]
    [MemberData(nameof(AllowedTransitions))]
    public async Task Allowed_Transition_Moves_To_The_Standard_Target_And_Raises_One_Event(
        UnitMode mode, PackMlState from, PackMlTrigger trigger, PackMlState to)
    {
        await Task.Yield();
        var (cell, clock, _) = DriveTo(mode, from);
        var events = new List<PackMlTransitionEventArgs>();
        cell.Transitioned += (_, e) => events.Add(e);
        clock.Advance(1.5);

        Assert.True(Can(cell, trigger));
        Assert.True(Fire(cell, trigger));

        Assert.Equal(to, cell.State);
        var e = Assert.Single(events);
        Assert.Equal((from, trigger, to, mode), (e.From, e.Trigger, e.To, e.Mode));
        Assert.Equal(1.5, e.TimeInFrom, 9);
    }

    [Theory(Timeout = 10_000)]
    [MemberData(nameof(RefusedPairs))]
    public async Task Refused_Trigger_Leaves_The_State_Unchanged_And_Raises_Refused(
        UnitMode mode, PackMlState state, PackMlTrigger trigger)
    {
        await Task.Yield();
        var (cell, _, _) = DriveTo(mode, state);
        var moved = 0;
        var refused = new List<PackMlRefusedEventArgs>();
        cell.Transitioned += (_, _) => moved++;
        cell.Refused += (_, e) => refused.Add(e);

        Assert.False(Can(cell, trigger));
        Assert.False(Fire(cell, trigger));

        Assert.Equal(state, cell.State);
        Assert.Equal(0, moved);
        Assert.Equal((state, trigger), (Assert.Single(refused).State, refused[0].Trigger));
    }

    [Fact(Timeout = 10_000)]
    public async Task Production_Table_Matches_The_Standard_Row_For_Row()
    {
        await Task.Yield();
        Assert.Equal(
            PackMlSpec.Allowed.OrderBy(r => (r.From, r.Trigger)),
            PackMlTransitionTable.Transitions.OrderBy(r => (r.From, r.Trigger)));
        Assert.Equal(17, PackMlTransitionTable.States.Distinct().Count());
    }

    [Fact(Timeout = 10_000)]
    public async Task Every_Transition_Is_Logged_Once()
    {
        await Task.Yield();
        var log = new ListLogger();
        var cell = new PackMlCell(new VirtualClock(), log);
        cell.Reset();
        cell.StateComplete();
        cell.Start();
        Assert.Equal(3, log.Entries.Count(e => e.Level == LogLevel.Information && e.Message.Contains("-->", StringComparison.Ordinal)));
    }

    [Fact(Timeout = 10_000)]
    public async Task Triggers_Fired_From_A_Handler_Run_After_The_Current_Transition()
    {
        await Task.Yield();
        var cell = new PackMlCell(new VirtualClock());
        var seen = new List<(PackMlState, PackMlState)>();
        cell.Transitioned += (s, e) =>
        {
            seen.Add((e.From, e.To));
            if (PackMlTransitionTable.IsActing(e.To))
            {
                Assert.True(((PackMlCell)s!).StateComplete()); // queued: returns true
                Assert.Equal(e.To, ((PackMlCell)s!).State);   // not yet run
            }
        };

        Assert.True(cell.Reset());

        Assert.Equal(PackMlState.Idle, cell.State);
        Assert.Equal([(PackMlState.Stopped, PackMlState.Resetting), (PackMlState.Resetting, PackMlState.Idle)], seen);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Throwing_Handler_Is_Logged_And_Does_Not_Stop_The_Machine()
    {
        await Task.Yield();
        var log = new ListLogger();
        var cell = new PackMlCell(new VirtualClock(), log);
        cell.Transitioned += (_, _) => throw new InvalidOperationException("boom");
        Assert.True(cell.Reset());
        Assert.True(cell.StateComplete());
        Assert.Equal(PackMlState.Idle, cell.State);
        Assert.Equal(2, log.Count(LogLevel.Error));
    }

    [Fact(Timeout = 10_000)]
    public async Task Mode_Changes_Only_In_Stopped_Idle_Or_Aborted()
    {
        await Task.Yield();
        var (cell, _, _) = DriveTo(UnitMode.Production, PackMlState.Execute);
        Assert.False(cell.TrySetMode(UnitMode.Manual));
        Assert.Equal(UnitMode.Production, cell.Mode);

        var (idle, _, _) = DriveTo(UnitMode.Production, PackMlState.Idle);
        Assert.True(idle.TrySetMode(UnitMode.Manual));
        Assert.Equal(UnitMode.Manual, idle.Mode);
        Assert.True(idle.Start());
        Assert.True(idle.StateComplete());
        Assert.False(idle.CanHold);
        Assert.False(idle.Suspend());
        Assert.True(idle.CanStop && idle.CanAbort);
    }

    [Fact(Timeout = 10_000)]
    public async Task Domain_Methods_Map_To_Their_Commands()
    {
        await Task.Yield();
        var cell = new PackMlCell(new VirtualClock());
        Assert.True(cell.CanReset && cell.Reset() && cell.StateComplete());
        Assert.True(cell.CanStart && cell.Start() && cell.StateComplete());
        Assert.True(cell.CanHold && cell.Hold() && cell.StateComplete());
        Assert.True(cell.CanUnhold && cell.Unhold() && cell.StateComplete());
        Assert.True(cell.CanSuspend && cell.Suspend() && cell.StateComplete());
        Assert.True(cell.CanUnsuspend && cell.Unsuspend() && cell.StateComplete());
        Assert.True(cell.CanComplete && cell.Complete() && cell.StateComplete());
        Assert.Equal(PackMlState.Complete, cell.State);
        Assert.True(cell.CanStop && cell.Stop() && cell.StateComplete());
        Assert.True(cell.CanAbort && cell.Abort() && cell.StateComplete());
        Assert.True(cell.CanClear && cell.Clear() && cell.StateComplete());
        Assert.Equal(PackMlState.Stopped, cell.State);
    }

    [Fact(Timeout = 10_000)]
    public async Task Cell_Cannot_Start_In_An_Acting_State()
    {
        await Task.Yield();
        Assert.Throws<ArgumentException>(() => new PackMlCell(new VirtualClock(), initial: PackMlState.Resetting));
        Assert.Throws<ArgumentException>(() =>
            new PackMlCell(new VirtualClock(), mode: UnitMode.Manual, initial: PackMlState.Held));
    }

    private static (PackMlCell Cell, VirtualClock Clock, ListLogger Log) DriveTo(UnitMode mode, PackMlState target)
    {
        var clock = new VirtualClock();
        var log = new ListLogger();
        var cell = new PackMlCell(clock, log, mode);
        foreach (var t in PackMlSpec.PathTo(mode, target))
        {
            Assert.True(Fire(cell, t), $"path step {t} refused in {cell.State}");
        }

        Assert.Equal(target, cell.State);
        return (cell, clock, log);
    }

    private static bool Can(PackMlCell cell, PackMlTrigger t) =>
        t == PackMlTrigger.StateComplete ? cell.CanStateComplete : cell.CanExecute((PackMlCommand)t);

    private static bool Fire(PackMlCell cell, PackMlTrigger t) =>
        t == PackMlTrigger.StateComplete ? cell.StateComplete() : cell.Execute((PackMlCommand)t);
}
