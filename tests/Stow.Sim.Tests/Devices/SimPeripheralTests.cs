using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Hardware.BandSeparator;
using Stow.Hardware.Cameras;
using Stow.Hardware.Induct;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.PodStation;
using Stow.Sim.Devices;
using Stow.Sim.Devices.BandSeparator;
using Stow.Sim.Devices.Cameras;
using Stow.Sim.Devices.Induct;
using Stow.Sim.Devices.PodStation;
using Stow.Sim.Devices.Safety;

namespace Stow.Sim.Tests.Devices;

public class SimPeripheralTests
{
    private static T Up<T>(T c)
        where T : HardwareComponent
    {
        c.Configure();
        c.Activate();
        return c;
    }

    [Fact]
    public void Band_Separator_Engages_After_Its_Stroke_Time_And_The_Camera_Sees_The_Bands_Gone()
    {
        var bin = SimDeviceRig.Bin();
        var cell = new SimCell(1) { Bins = [bin] };
        var separator = Up(new SimBandSeparator("bands", cell, engageTime: 0.5));
        var camera = Up(new SimCamera("cam", cell, new CameraIntrinsics(60, 50, 60, 60, 29.5, 24.5), Pose.At(-1, 0.15, 0.125), frameRate: 1000));
        var t = 0.0;
        void Step()
        {
            t += 0.001;
            separator.Read(t, 0.001);
            camera.Read(t, 0.001);
            separator.Write(t, 0.001);
        }

        Step();
        var before = Bright(camera.LatestFrame);
        Assert.True(before > 0, "bands are visible across the opening");

        Assert.Equal(CommandStatus.Accepted, separator.Engage(bin.Id));
        Step(); // written
        Step(); // read back
        Assert.Equal(BandSeparatorPhase.Engaging, separator.State.Phase);
        for (var i = 0; i < 600; i++)
        {
            Step();
        }

        Assert.Equal(BandSeparatorPhase.Engaged, separator.State.Phase);
        Assert.Equal(0, Bright(camera.LatestFrame));
        Assert.True(camera.LatestFrame.CaptureTime > 0.5);

        Assert.Equal(CommandStatus.Accepted, separator.Release());
        for (var i = 0; i < 600; i++)
        {
            Step();
        }

        Assert.Equal(BandSeparatorPhase.Idle, separator.State.Phase);
        Assert.Equal(before, Bright(camera.LatestFrame));
    }

    [Fact]
    public void Pod_Swap_Goes_Through_Transit_To_The_Next_Pod()
    {
        var station = Up(new SimPodStation("pods", [new PodId("P1"), new PodId("P2")], swapTime: 2));
        Assert.Equal(new PodId("P1"), station.State.Pod);
        Assert.Equal(CommandStatus.Accepted, station.RequestSwap());
        station.Write(0, 0.001);
        station.Read(1, 0.001);
        Assert.Equal(PodSwapPhase.InTransit, station.State.Swap);
        Assert.False(station.State.PodPresent);
        station.Read(2.5, 0.001);
        Assert.Equal(PodSwapPhase.Arrived, station.State.Swap);
        Assert.Equal(new PodId("P2"), station.State.Pod);
        Assert.Equal(CommandStatus.Accepted, station.AcknowledgeArrival());
        station.Write(2.6, 0.001);
        Assert.Equal(PodSwapPhase.Idle, station.State.Swap);
    }

    [Fact]
    public void Induct_Buffer_Lists_Scanned_Items_And_Removes_Picked_Ones()
    {
        var buffer = Up(new SimInductBuffer("induct"));
        buffer.Enqueue(new ScannedItem(new ItemId("A"), new ItemDimensions(0.2, 0.1, 0.05), 0.3, 0));
        buffer.Enqueue(new ScannedItem(new ItemId("B"), new ItemDimensions(0.1, 0.1, 0.1), 0.5, 0));
        Span<ScannedItem> items = new ScannedItem[4];
        Assert.Equal(2, buffer.CopyItems(items));
        Assert.Equal(0.2, items[0].Measured.Length);
        Assert.Equal(CommandStatus.Invalid, buffer.ConfirmPicked(new ItemId("Z")));
        Assert.Equal(CommandStatus.Accepted, buffer.ConfirmPicked(new ItemId("A")));
        buffer.Write(0, 0.001);
        Assert.Equal(1, buffer.Count);
    }

    [Fact]
    public void Safety_Reports_EStop_And_A_Lost_Heartbeat()
    {
        var cell = new SimCell(1);
        var safety = Up(new SimSafety("safety", cell, heartbeatTimeout: 0.01));
        safety.Read(0.001, 0.001);
        safety.Write(0.001, 0.001);
        safety.Read(0.002, 0.001);
        Assert.True(safety.State.MotionAllowed);

        safety.PressEStop();
        safety.Read(0.003, 0.001);
        Assert.False(safety.State.EStopChainClosed);
        Assert.False(safety.State.MotionAllowed);
        safety.ReleaseEStop();
        Assert.Equal(CommandStatus.Accepted, safety.RequestReset());
        safety.Write(0.004, 0.001);
        safety.Read(0.004, 0.001);
        Assert.True(safety.State.MotionAllowed);

        safety.Read(0.1, 0.001); // no write for 96 ms
        Assert.False(safety.State.HeartbeatOk);
        Assert.False(safety.State.MotionAllowed);
    }

    private static int Bright(CameraFrameRef frame)
    {
        var n = 0;
        foreach (var b in frame.Rgb.Span)
        {
            if (b > 200)
            {
                n++;
            }
        }

        return n;
    }
}
