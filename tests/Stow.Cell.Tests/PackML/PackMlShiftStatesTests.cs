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

        Assert.True(states.Command("Reset"));
        Assert.True(states.Command("Start"));
        Assert.True(states.Command("Abort"));
        Assert.Equal("Aborted", states.State);
        Assert.True(states.Command("Clear"));
        Assert.Equal("Stopped", states.State);

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

        Assert.False(states.Command("Reset"));
        Assert.Equal("Resetting", states.State);
        Assert.False(states.Command("Start"));
    }
}
