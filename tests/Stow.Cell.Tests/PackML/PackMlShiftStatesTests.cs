using Stow.Cell.PackML;
using Stow.Core.Time;

namespace Stow.Cell.Tests.PackML;

public sealed class PackMlShiftStatesTests
{
    [Fact(Timeout = 10_000)]
    public async Task Shift_Commands_Land_In_The_Wait_State_After_The_Acting_One()
    {
        await Task.Yield();
        var states = new PackMlShiftStates(new PackMlCell(new VirtualClock()));
        Assert.True(states.Command(PackMlCommand.Reset));
        Assert.Equal(PackMlState.Idle, states.State);
        Assert.True(states.Command(PackMlCommand.Start));
        Assert.Equal(PackMlState.Execute, states.State);
        Assert.True(states.Command(PackMlCommand.Hold));
        Assert.Equal(PackMlState.Held, states.State);
        Assert.False(states.Command(PackMlCommand.Suspend));
        Assert.True(states.Command(PackMlCommand.Unhold));
        Assert.True(states.Command(PackMlCommand.Complete));
        Assert.Equal(PackMlState.Complete, states.State);
        Assert.True(states.Command(PackMlCommand.Stop));
        Assert.Equal(PackMlState.Stopped, states.State);
    }

    [Theory(Timeout = 10_000)]
    [InlineData(0)]
    [InlineData(11)] // PackMlTrigger.StateComplete's value: SC is no command
    [InlineData(-3)]
    public async Task Undefined_Command_Values_Are_Rejected_And_Change_Nothing(int value)
    {
        await Task.Yield();
        var states = new PackMlShiftStates(new PackMlCell(new VirtualClock()));
        Assert.Throws<ArgumentOutOfRangeException>(() => states.Command((PackMlCommand)value));
        Assert.Equal(PackMlState.Stopped, states.State);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_Shift_Waits_While_A_Supervisor_Holds_The_Cell_And_Goes_On_At_Unhold()
    {
        var states = new PackMlShiftStates(new PackMlCell(new VirtualClock()));
        Assert.True(states.Command(PackMlCommand.Reset) && states.Command(PackMlCommand.Start));
        states.WaitWhileHeld(CancellationToken.None); // Execute: returns at once

        Assert.True(states.Command(PackMlCommand.Hold));
        Assert.Equal(PackMlState.Held, states.State);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = Task.Run(() =>
        {
            entered.SetResult();
            states.WaitWhileHeld(CancellationToken.None);
            return states.State;
        });
        await entered.Task;
        Assert.False(waiting.IsCompleted);
        Assert.True(states.Command(PackMlCommand.Unhold));
        Assert.Equal(PackMlState.Execute, await waiting.WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.True(states.Command(PackMlCommand.Hold));
        using var cancel = new CancellationTokenSource();
        var cancelled = Task.Run(() => states.WaitWhileHeld(cancel.Token));
        await cancel.CancelAsync();
        await cancelled.WaitAsync(TimeSpan.FromSeconds(5)); // a stop request ends the wait
        Assert.Equal(PackMlState.Held, states.State);
    }

    [Fact(Timeout = 10_000)]
    public async Task Resetting_Brings_The_Hardware_Up_And_Clearing_Clears_The_Fault_Before_Completing()
    {
        await Task.Yield();
        var log = new List<string>();
        var cell = new PackMlCell(new VirtualClock());
        var states = new PackMlShiftStates(cell, new Dictionary<PackMlState, Func<bool>>
        {
            [PackMlState.Resetting] = () => { log.Add($"bring-up in {cell.State}"); return true; },
            [PackMlState.Clearing] = () => { log.Add($"clear in {cell.State}"); return true; },
        });

        Assert.True(states.Command(PackMlCommand.Reset));
        Assert.True(states.Command(PackMlCommand.Start));
        Assert.True(states.Command(PackMlCommand.Abort));
        Assert.Equal(PackMlState.Aborted, states.State);
        Assert.True(states.Command(PackMlCommand.Clear));
        Assert.Equal(PackMlState.Stopped, states.State);

        Assert.Equal(["bring-up in Resetting", "clear in Clearing"], log);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_Failed_Bring_Up_Leaves_The_Cell_In_Resetting()
    {
        await Task.Yield();
        var states = new PackMlShiftStates(new PackMlCell(new VirtualClock()), new Dictionary<PackMlState, Func<bool>>
        {
            [PackMlState.Resetting] = () => false,
        });

        Assert.False(states.Command(PackMlCommand.Reset));
        Assert.Equal(PackMlState.Resetting, states.State);
        Assert.False(states.Command(PackMlCommand.Start));
    }
}
