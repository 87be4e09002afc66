using Stow.Core.Geometry;
using Stow.Hardware.Arm;
using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.Tests.Arm;

/// <summary>The admission rules shared by the UR driver and the simulated arm.</summary>
public class ArmCommandGateTests
{
    private static readonly Pose Home = new(new Vec3(0.4, 0, 0.3), new Quat(0, 0, 0, 1));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void A_Non_Finite_Pose_Component_Is_Invalid(int component)
    {
        var v = new double[] { 0.4, 0, 0.3, 0, 0, 0, 1 };
        v[component] = double.NaN;
        var pose = new Pose(new Vec3(v[0], v[1], v[2]), new Quat(v[3], v[4], v[5], v[6]));
        Assert.Equal(CommandStatus.Invalid, ArmCommandGate.Pose(true, false, (int)ArmCommandMode.Pose, pose));
        Assert.Equal(CommandStatus.Accepted, ArmCommandGate.Pose(true, false, (int)ArmCommandMode.Pose, Home));
    }

    [Fact]
    public void A_Non_Finite_Twist_Is_Invalid()
    {
        var bad = new Twist(new Vec3(0, double.PositiveInfinity, 0), Vec3.Zero);
        Assert.Equal(CommandStatus.Invalid, ArmCommandGate.Twist(true, false, (int)ArmCommandMode.Twist, bad));
        Assert.Equal(CommandStatus.Invalid, ArmCommandGate.Twist(true, false, (int)ArmCommandMode.Twist, new Twist(Vec3.Zero, new Vec3(double.NaN, 0, 0))));
        Assert.Equal(CommandStatus.Accepted, ArmCommandGate.Twist(true, false, (int)ArmCommandMode.Twist, new Twist(new Vec3(0.1, 0, 0), Vec3.Zero)));
    }

    [Fact]
    public void Inactive_Beats_Stopped_Beats_Wrong_Mode()
    {
        Assert.Equal(CommandStatus.NotActive, ArmCommandGate.Pose(false, true, (int)ArmCommandMode.Twist, Home));
        Assert.Equal(CommandStatus.Stopped, ArmCommandGate.Pose(true, true, (int)ArmCommandMode.Twist, Home));
        Assert.Equal(CommandStatus.Invalid, ArmCommandGate.Pose(true, false, (int)ArmCommandMode.Twist, Home));
        Assert.Equal(CommandStatus.Invalid, ArmCommandGate.Twist(true, false, (int)ArmCommandMode.Pose, default));
    }

    [Theory]
    [InlineData(-0.01, CommandStatus.Invalid)]
    [InlineData(0.0, CommandStatus.Accepted)]
    [InlineData(1.0, CommandStatus.Accepted)]
    [InlineData(1.01, CommandStatus.Invalid)]
    [InlineData(double.NaN, CommandStatus.Invalid)]
    public void Speed_Scaling_Must_Lie_In_The_Unit_Interval(double scaling, CommandStatus expected)
    {
        Assert.Equal(expected, ArmCommandGate.SpeedScaling(true, scaling));
        Assert.Equal(CommandStatus.NotActive, ArmCommandGate.SpeedScaling(false, 0.5));
    }

    [Fact]
    public void A_Protective_Stop_Cannot_Be_Reset_During_An_Emergency_Stop()
    {
        Assert.Equal(CommandStatus.Stopped, ArmCommandGate.ProtectiveStop(true, emergencyStop: true, reset: true));
        Assert.Equal(CommandStatus.Accepted, ArmCommandGate.ProtectiveStop(true, emergencyStop: true, reset: false));
        Assert.Equal(CommandStatus.Accepted, ArmCommandGate.ProtectiveStop(true, emergencyStop: false, reset: true));
        Assert.Equal(CommandStatus.NotActive, ArmCommandGate.ProtectiveStop(false, emergencyStop: false, reset: false));
    }
}
