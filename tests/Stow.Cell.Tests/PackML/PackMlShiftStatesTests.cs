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
}
