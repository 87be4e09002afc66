using Stow.Core.Geometry;
using Stow.Hardware.Arm;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Tests.Fakes;
using Stow.Sim.Devices;
using Stow.Sim.Devices.Arm;
using Stow.Sim.Devices.Eoat;

namespace Stow.Hardware.Tests.Lifecycle;

public class LifecycleTests
{
    private static SimArm NewArm() => new("arm", new SimCell(1), new SimArmOptions());

    [Fact]
    public void Arm_Commands_Are_Refused_Unless_Active()
    {
        var arm = NewArm();
        var target = Pose.At(0, 0, 0.3);
        Assert.Equal(LifecycleState.Unconfigured, arm.LifecycleState);
        Assert.Equal(CommandStatus.NotActive, arm.CommandPose(target));

        Assert.Equal(CallbackReturn.Success, arm.Configure());
        Assert.Equal(LifecycleState.Inactive, arm.LifecycleState);
        Assert.Equal(CommandStatus.NotActive, arm.CommandPose(target));
        Assert.Equal(CommandStatus.NotActive, arm.SetSpeedScaling(0.5));

        Assert.Equal(CallbackReturn.Success, arm.Activate());
        Assert.Equal(CommandStatus.Accepted, arm.CommandPose(target));

        Assert.Equal(CallbackReturn.Success, arm.Deactivate());
        Assert.Equal(CommandStatus.NotActive, arm.CommandPose(target));
    }

    [Fact]
    public void Eoat_Commands_Are_Refused_Unless_Active()
    {
        var eoat = new SimEoat("eoat", new SimCell(1), new SimEoatOptions());
        Assert.Equal(CommandStatus.NotActive, eoat.CommandBelts(0.1, 0.1));
        eoat.Configure();
        Assert.Equal(CommandStatus.NotActive, eoat.CommandSpatula(0.1));
        eoat.Activate();
        Assert.Equal(CommandStatus.Accepted, eoat.CommandSpatula(0.1));
        Assert.Equal(CommandStatus.Invalid, eoat.CommandSpatula(double.NaN));
    }

    [Fact]
    public void A_Transition_From_The_Wrong_State_Fails_And_Changes_Nothing()
    {
        var arm = NewArm();
        Assert.Equal(CallbackReturn.Failure, arm.Activate());
        Assert.Equal(LifecycleState.Unconfigured, arm.LifecycleState);
        arm.Configure();
        Assert.Equal(CallbackReturn.Failure, arm.Configure());
        Assert.Equal(LifecycleState.Inactive, arm.LifecycleState);
    }

    [Fact]
    public void Activation_Error_Runs_The_Error_Path_Back_To_Unconfigured()
    {
        var arm = new FailsOnActivateArm("arm");
        arm.Configure();
        Assert.Equal(CallbackReturn.Error, arm.Activate());
        Assert.Equal(1, arm.ErrorHandled);
        Assert.Equal(LifecycleState.Unconfigured, arm.LifecycleState);
        Assert.Equal(CommandStatus.NotActive, arm.CommandPose(Pose.Identity));
        Assert.Contains("on_activate", arm.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void Activation_Failure_Leaves_The_Component_Inactive()
    {
        var arm = new FailsOnActivateArm("arm", CallbackReturn.Failure);
        arm.Configure();
        Assert.Equal(CallbackReturn.Failure, arm.Activate());
        Assert.Equal(LifecycleState.Inactive, arm.LifecycleState);
        Assert.Equal(0, arm.ErrorHandled);
    }

    [Fact]
    public void A_Throwing_Callback_Becomes_The_Error_Path()
    {
        var sensor = new ThrowsOnConfigureSensor("camera");
        Assert.Equal(CallbackReturn.Error, sensor.Configure());
        Assert.Equal(LifecycleState.Unconfigured, sensor.LifecycleState);
    }

    [Fact]
    public void Shutdown_Finalizes_And_Nothing_Follows()
    {
        var arm = NewArm();
        arm.Configure();
        arm.Activate();
        Assert.Equal(CallbackReturn.Success, arm.Shutdown());
        Assert.Equal(LifecycleState.Finalized, arm.LifecycleState);
        Assert.Equal(CallbackReturn.Failure, arm.Configure());
    }

    [Fact]
    public void Mode_Switch_Is_Prepared_Outside_And_Performed_Inside_The_Loop()
    {
        var arm = NewArm();
        Assert.Equal(CallbackReturn.Failure, arm.PrepareModeSwitch((int)ArmCommandMode.Twist));
        arm.Configure();
        arm.Activate();
        Assert.Equal(CallbackReturn.Failure, arm.PrepareModeSwitch(7));
        Assert.Equal(HardwareResult.Error, arm.PerformModeSwitch());
        Assert.Equal(CallbackReturn.Success, arm.PrepareModeSwitch((int)ArmCommandMode.Twist));
        Assert.Equal(CommandStatus.Accepted, arm.CommandPose(Pose.Identity));
        Assert.Equal(HardwareResult.Ok, arm.PerformModeSwitch());
        Assert.Equal(CommandStatus.Invalid, arm.CommandPose(Pose.Identity));
        Assert.Equal(CommandStatus.Accepted, arm.CommandTwist(new Twist(new Vec3(0.1, 0, 0), Vec3.Zero)));
    }
}
