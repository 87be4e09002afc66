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
        Assert.True(states.Command("Reset"));
        Assert.Equal("Idle", states.State);
        Assert.True(states.Command("Start"));
        Assert.Equal("Execute", states.State);
        Assert.True(states.Command("Hold"));
        Assert.Equal("Held", states.State);
        Assert.False(states.Command("Suspend"));
        Assert.True(states.Command("Unhold"));
        Assert.True(states.Command("Complete"));
        Assert.Equal("Complete", states.State);
        Assert.True(states.Command("Stop"));
        Assert.Equal("Stopped", states.State);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("")]
    [InlineData("start")]
    [InlineData("3")]
    [InlineData("StateComplete")]
    [InlineData("Jog")]
    public async Task Unknown_Command_Names_Are_Refused_And_Change_Nothing(string name)
    {
        await Task.Yield();
        var states = new PackMlShiftStates(new PackMlCell(new VirtualClock()));
        Assert.False(states.Command(name));
        Assert.Equal("Stopped", states.State);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_Shift_Waits_While_A_Supervisor_Holds_The_Cell_And_Goes_On_At_Unhold()
    {
        var states = new PackMlShiftStates(new PackMlCell(new VirtualClock()));
        Assert.True(states.Command("Reset") && states.Command("Start"));
        states.WaitWhileHeld(CancellationToken.None); // Execute: returns at once

        Assert.True(states.Command(PackMlCommand.Hold));
        Assert.Equal("Held", states.State);
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
        Assert.Equal("Execute", await waiting.WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.True(states.Command(PackMlCommand.Hold));
        using var cancel = new CancellationTokenSource();
        var cancelled = Task.Run(() => states.WaitWhileHeld(cancel.Token));
        await cancel.CancelAsync();
        await cancelled.WaitAsync(TimeSpan.FromSeconds(5)); // a stop request ends the wait
        Assert.Equal("Held", states.State);
    }
}
