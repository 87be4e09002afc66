using Stow.Hardware.Ur;
using Stow.Hardware.Ur.Dashboard;
using Stow.Sim.Ur;

namespace Stow.Hardware.Tests.Ur.Dashboard;

/// <summary>The dashboard client against the emulator's dashboard server over loopback.</summary>
public class UrDashboardClientTests
{
    [Fact(Timeout = 20_000)]
    public async Task Power_Cycle_And_Brake_Release_Follow_The_Robot_Modes()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig(initial: UrRobotMode.PowerOff);
        using var d = new UrDashboardClient();
        d.Connect("127.0.0.1", rig.Emulator.DashboardPort);
        Assert.Equal(UrRobotMode.PowerOff, d.GetRobotMode());
        d.PowerOn();
        Assert.Equal(UrRobotMode.Idle, d.GetRobotMode());
        d.BrakeRelease();
        Assert.Equal(UrRobotMode.Running, d.GetRobotMode());
        Assert.Equal(UrSafetyMode.Normal, d.GetSafetyStatus());
        Assert.Equal(UrSafetyMode.Normal, d.GetSafetyMode());
        d.ClosePopup();
        d.CloseSafetyPopup();
        d.PowerOff();
        Assert.Equal(UrRobotMode.PowerOff, d.GetRobotMode());
    }

    [Fact(Timeout = 20_000)]
    public async Task Play_And_Stop_Without_A_Program_Fail_With_The_Controllers_Text()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig();
        using var d = new UrDashboardClient();
        d.Connect("127.0.0.1", rig.Emulator.DashboardPort);
        var e = Assert.Throws<UrDashboardException>(d.Play);
        Assert.Contains("Failed to execute: play", e.Message, StringComparison.Ordinal);
        Assert.Throws<UrDashboardException>(d.Stop);
        Assert.Equal("could not understand: 'fly'", d.Send("fly"));
    }

    [Fact(Timeout = 20_000)]
    public async Task Protective_Stop_Shows_In_The_Safety_Status_And_Unlocks_After_The_Delay()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig(unlockDelay: 0.3);
        using var d = new UrDashboardClient();
        d.Connect("127.0.0.1", rig.Emulator.DashboardPort);
        rig.Emulator.TriggerProtectiveStop();
        await Rtde.RtdeClientLoopbackTests.WaitUntil(() => rig.Emulator.SafetyMode == UrSafetyMode.ProtectiveStop);
        Assert.Equal(UrSafetyMode.ProtectiveStop, d.GetSafetyStatus());
        Assert.Throws<UrDashboardException>(d.UnlockProtectiveStop);
        await Rtde.RtdeClientLoopbackTests.WaitUntil(() =>
        {
            try
            {
                d.UnlockProtectiveStop();
                return true;
            }
            catch (UrDashboardException)
            {
                return false;
            }
        });
        await Rtde.RtdeClientLoopbackTests.WaitUntil(() => d.GetSafetyStatus() == UrSafetyMode.Normal);
    }

    [Fact(Timeout = 20_000)]
    public async Task Emergency_Stop_Reaches_The_Safety_Status_And_Drops_The_Brakes()
    {
        await Task.Yield();
        using var rig = new UrEmulatorRig();
        using var d = new UrDashboardClient();
        d.Connect("127.0.0.1", rig.Emulator.DashboardPort);
        rig.Cell.EStopPressed = true;
        await Rtde.RtdeClientLoopbackTests.WaitUntil(() => d.GetSafetyStatus() == UrSafetyMode.RobotEmergencyStop);
        Assert.Equal(UrRobotMode.Idle, d.GetRobotMode());
        Assert.Equal(UrProgramState.None, rig.Emulator.Program);
    }

    [Fact(Timeout = 20_000)]
    public async Task Connecting_To_A_Closed_Port_Names_The_Address()
    {
        await Task.Yield();
        using var d = new UrDashboardClient(TimeSpan.FromSeconds(1));
        var e = Assert.Throws<UrDashboardException>(() => d.Connect("127.0.0.1", 1));
        Assert.Contains("127.0.0.1:1", e.Message, StringComparison.Ordinal);
    }
}
