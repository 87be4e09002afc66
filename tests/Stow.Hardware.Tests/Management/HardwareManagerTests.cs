using Stow.Hardware.Arm;
using Stow.Hardware.Cameras;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Management;
using Stow.Hardware.Safety;
using Stow.Hardware.Tests.Fakes;
using Stow.Sim.Devices;
using Stow.Sim.Devices.Arm;

namespace Stow.Hardware.Tests.Management;

public class HardwareManagerTests
{
    [Fact]
    public void Manager_Builds_And_Activates_The_Components_Named_In_Config()
    {
        var manager = SimHardware.BuildManager(SimHardware.DefaultConfigJson, new SimCell(3));
        Assert.Equal(7, manager.Components.Count);
        var report = manager.Bringup();
        Assert.True(report.Succeeded);
        Assert.All(manager.Components, c => Assert.Equal(LifecycleState.Active, c.LifecycleState));
        Assert.IsType<SimArm>(manager.Get<IArm>("arm"));
        Assert.NotNull(manager.FindFirst<ICamera>());
        Assert.True(manager.TryGet<ISafety>("safety", out _));
        Assert.Throws<KeyNotFoundException>(() => manager.Get<IArm>("safety"));
    }

    [Fact]
    public void Unknown_Component_Type_Is_Reported_With_Its_Name()
    {
        const string json = """{"hardware":{"components":[{"name":"gripper","type":"acme.gripper"}]}}""";
        var registry = new HardwareRegistry();
        SimHardware.Register(registry, new SimCell(1));
        var ex = Assert.Throws<HardwareConfigException>(() => HardwareManager.Build(HardwareConfig.Parse(json), registry));
        Assert.Contains("gripper", ex.Message, StringComparison.Ordinal);
        Assert.Equal("hardware:components:0:type", ex.Field);
        Assert.Equal("gripper", ex.Component);
    }

    [Fact]
    public void Duplicate_Names_And_Missing_Sections_Are_Rejected()
    {
        Assert.Equal("hardware", Assert.Throws<HardwareConfigException>(() => HardwareConfig.Parse("""{"cell":{}}""")).Field);
        Assert.Equal("hardware:components:1:name", Assert.Throws<HardwareConfigException>(() => HardwareConfig.Parse(
            """{"hardware":{"components":[{"name":"a","type":"sim.arm"},{"name":"a","type":"sim.eoat"}]}}""")).Field);
        Assert.Equal("hardware:components:0:type", Assert.Throws<HardwareConfigException>(() => HardwareConfig.Parse(
            """{"hardware":{"components":[{"name":"a"}]}}""")).Field);
    }

    [Fact]
    public void Manager_Reports_A_Component_That_Fails_To_Activate()
    {
        var cell = new SimCell(1);
        var ok = new SimArm("left_arm", cell, new SimArmOptions());
        var bad = new FailsOnActivateArm("arm");
        var manager = new HardwareManager([ok, bad]);
        var report = manager.Bringup();
        Assert.False(report.Succeeded);
        var failure = Assert.Single(report.Failures);
        Assert.Equal("arm", failure.Name);
        Assert.Equal(CallbackReturn.Error, failure.Result);
        Assert.Equal(LifecycleState.Unconfigured, failure.State);
        Assert.Contains("on_activate", failure.Error, StringComparison.Ordinal);
        Assert.Equal(LifecycleState.Active, ok.LifecycleState);
    }

    [Fact]
    public void A_Read_Error_Sends_The_Component_Down_Its_Error_Path()
    {
        var cell = new SimCell(1);
        var manager = SimHardware.BuildManager(SimHardware.DefaultConfigJson, cell);
        manager.Bringup();
        var arm = (SimArm)manager.Get<IArm>("arm");
        Assert.Equal(HardwareResult.Ok, manager.Read(0.001, 0.001));
        arm.Faults.CommsLoss = true;
        Assert.Equal(HardwareResult.Error, manager.Read(0.002, 0.001));
        Assert.Equal(1, manager.FaultCount);
        Assert.Equal("arm", manager.LastFaultedComponent);
        Assert.Equal(LifecycleState.Unconfigured, arm.LifecycleState);
        Assert.Equal(HardwareResult.Ok, manager.Write(0.002, 0.001));
    }

    [Fact]
    public void Fault_Knobs_Are_Read_From_Config()
    {
        const string json = """{"hardware":{"components":[{"name":"arm","type":"sim.arm","params":{"maxLinearSpeed":0.5,"faults":{"dropCommands":true,"freezeSensor":true}}}]}}""";
        var manager = SimHardware.BuildManager(json, new SimCell(1));
        var arm = (SimArm)manager.Get<IArm>("arm");
        Assert.True(arm.Faults.DropCommands);
        Assert.True(arm.Faults.FreezeSensor);
        Assert.False(arm.Faults.CommsLoss);
    }

    [Fact]
    public void Shutdown_Finalizes_Every_Component()
    {
        var manager = SimHardware.BuildManager(SimHardware.DefaultConfigJson, new SimCell(1));
        manager.Bringup();
        Assert.True(manager.ShutdownAll().Succeeded);
        Assert.All(manager.Components, c => Assert.Equal(LifecycleState.Finalized, c.LifecycleState));
    }

    [Fact]
    public void An_EStop_Press_Can_Be_Set_From_Config()
    {
        const string json = """{"hardware":{"components":[{"name":"safety","type":"sim.safety","params":{"eStopPressed":true}}]}}""";
        var cell = new SimCell(1);
        var manager = SimHardware.BuildManager(json, cell);
        manager.Bringup();
        manager.Read(0.001, 0.001);
        var safety = manager.Get<ISafety>("safety");
        Assert.False(safety.State.EStopChainClosed);
        Assert.False(safety.State.MotionAllowed);
        Assert.Equal(CommandStatus.Stopped, safety.RequestReset());
    }
}
