using Stow.Hardware.Lifecycle;

namespace Stow.Sim.Tests.Devices;

public class SimEoatTests
{
    [Fact]
    public void Belts_Move_The_Held_Item_Out_And_The_Beams_Clear()
    {
        var rig = new SimDeviceRig();
        rig.Eoat.LoadItem(0.12, 0.06, 0.3);
        rig.Step();
        Assert.True(rig.Eoat.State.ItemPresent);
        Assert.True(rig.Eoat.State.SqueezeForce > 10);
        var start = rig.Cell.HeldItem!.FeedPosition;
        Assert.Equal(CommandStatus.Accepted, rig.Eoat.CommandBelts(0.2, 0.2));
        rig.Step(200);
        Assert.True(rig.Cell.HeldItem!.FeedPosition > start + 0.01, "the item moved along the feed axis");
        rig.Step(2000);
        Assert.False(rig.Eoat.State.ItemPresent);
        Assert.Null(rig.Cell.HeldItem);
        Assert.Equal(1, rig.Cell.ItemsReleased);
    }

    [Fact]
    public void Belt_Jam_Stops_The_Item_And_Draws_Stall_Current()
    {
        var rig = new SimDeviceRig();
        rig.Eoat.LoadItem(0.12, 0.06, 0.3);
        rig.Eoat.Faults.BeltJam = true;
        rig.Eoat.CommandBelts(0.2, 0.2);
        var start = rig.Cell.HeldItem!.FeedPosition;
        rig.Step(500);
        Assert.Equal(start, rig.Cell.HeldItem!.FeedPosition);
        Assert.Equal(0, rig.Eoat.State.LeftBeltSpeed);
        Assert.True(rig.Eoat.State.LeftBeltCurrent >= 3);
        Assert.True(rig.Eoat.State.ItemPresent);
    }

    [Fact]
    public void Spatula_Extends_At_Its_Speed_And_Stays_Within_Its_Stroke()
    {
        var rig = new SimDeviceRig();
        Assert.Equal(CommandStatus.Invalid, rig.Eoat.CommandSpatula(1.0));
        Assert.Equal(CommandStatus.Accepted, rig.Eoat.CommandSpatula(0.3));
        rig.Step(500);
        Assert.Equal(0.15, rig.Eoat.State.SpatulaExtension, 3);
        rig.Step(1000);
        Assert.Equal(0.3, rig.Eoat.State.SpatulaExtension, 6);
        Assert.Equal(0.3, rig.Cell.SpatulaExtension, 6);
    }
}
