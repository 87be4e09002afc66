using Stow.Core.Geometry;
using Stow.Hardware.Lifecycle;
using Stow.Sim.Devices.Arm;
using Stow.Sim.Devices.Contact;

namespace Stow.Sim.Tests.Devices;

public class SimArmTests
{
    [Fact]
    public void Arm_Reaches_A_Pose_Target_Within_Its_Speed_And_Acceleration_Limits()
    {
        var options = new SimArmOptions { InitialPose = Pose.At(0, 0, 0.5) };
        var rig = new SimDeviceRig(arm: options);
        Assert.Equal(CommandStatus.Accepted, rig.Arm.CommandPose(Pose.At(0.6, 0, 0.5)));
        var maxSpeed = 0.0;
        var maxAccel = 0.0;
        var previous = 0.0;
        for (var i = 0; i < 3000; i++)
        {
            rig.Step();
            var v = rig.Arm.State.TcpTwist.Linear.Length;
            maxSpeed = Math.Max(maxSpeed, v);
            maxAccel = Math.Max(maxAccel, Math.Abs(v - previous) / SimDeviceRig.Dt);
            previous = v;
        }

        Assert.Equal(0.6, rig.Arm.State.TcpPose.Position.X, 3);
        Assert.True(maxSpeed <= options.MaxLinearSpeed + 1e-9, $"speed {maxSpeed}");
        Assert.True(maxAccel <= options.MaxLinearAcceleration + 1e-6, $"acceleration {maxAccel}");
        Assert.True(maxSpeed > 0.5, "a 0.6 m move gets well up to speed");
    }

    [Fact]
    public void Joint_Positions_Are_The_Inverse_Kinematics_Of_The_Tcp_Pose_And_Follow_It_Smoothly()
    {
        var options = new SimArmOptions { InitialPose = Pose.At(-0.2, 0.3, 0.9) };
        var rig = new SimDeviceRig(arm: options);
        rig.Arm.CommandPose(Pose.At(0.0, 0.6, 1.1));
        var previous = rig.Arm.State.JointPositions;
        var largestStep = 0.0;
        for (var i = 0; i < 1500; i++)
        {
            rig.Step();
            var q = rig.Arm.State.JointPositions;
            for (var j = 0; j < 6; j++)
            {
                largestStep = Math.Max(largestStep, Math.Abs(q[j] - previous[j]));
            }

            previous = q;
        }

        Assert.True(rig.Arm.Reachable);
        var fk = options.BasePose * rig.Arm.Kinematics.Forward(rig.Arm.State.JointPositions);
        Assert.True((fk.Position - rig.Arm.State.TcpPose.Position).Length < 1e-9, $"FK {fk.Position} vs TCP {rig.Arm.State.TcpPose.Position}");
        Assert.True((fk.Orientation * rig.Arm.State.TcpPose.Orientation.Conjugate).Angle < 1e-8);
        Assert.True(largestStep < 0.01, $"no configuration jump: largest joint step {largestStep} rad in 1 ms");
    }

    [Fact]
    public void Speed_Scaling_Slows_The_Arm()
    {
        var rig = new SimDeviceRig(arm: new SimArmOptions { InitialPose = Pose.At(0, 0, 0.5) });
        rig.Arm.SetSpeedScaling(0.1);
        rig.Arm.CommandPose(Pose.At(0.5, 0, 0.5));
        rig.Step(2000);
        Assert.True(rig.Arm.State.TcpTwist.Linear.Length <= 0.1 + 1e-9);
    }

    [Fact]
    public void Spatula_Pressed_Into_A_Wall_Feels_The_Spring_Force()
    {
        var wall = new StaticContactGeometry();
        wall.AddWall(new Box3(new Vec3(0, 0.1, 0), new Vec3(0.4, 0.2, 0.3)));
        var rig = new SimDeviceRig(geometry: wall, arm: new SimArmOptions { InitialPose = Pose.At(-0.01, 0.09, 0.15), ForceNoise = 0 });
        rig.Eoat.CommandSpatula(0.2);
        rig.Step(1000);
        // Blade half-thickness 1.5 mm: put the blade face 4 mm into the wall.
        rig.Arm.CommandPose(Pose.At(-0.01, 0.1 - 0.0015 + 0.004, 0.15));
        rig.Step(1000);

        var expected = StaticContactGeometry.DefaultWallStiffness * 0.004;
        Assert.Equal(-expected, rig.Arm.State.TcpWrench.Force.Y, 1);
        Assert.Equal(0, rig.Arm.State.TcpWrench.Force.X, 6);
    }

    [Fact]
    public void Wrench_Noise_Is_Seeded()
    {
        static double[] Samples(int seed)
        {
            var rig = new SimDeviceRig(seed);
            var s = new double[100];
            for (var i = 0; i < s.Length; i++)
            {
                rig.Step();
                s[i] = rig.Arm.State.TcpWrench.Force.X;
            }

            return s;
        }

        Assert.Equal(Samples(5), Samples(5));
        Assert.NotEqual(Samples(5), Samples(6));
    }

    [Fact]
    public void Frozen_Sensor_Stops_Updating_The_State()
    {
        var rig = new SimDeviceRig(arm: new SimArmOptions { InitialPose = Pose.At(0, 0, 0.5) });
        rig.Arm.CommandPose(Pose.At(0.3, 0, 0.5));
        rig.Step(100);
        rig.Arm.Faults.FreezeSensor = true;
        var frozen = rig.Arm.State;
        rig.Step(200);
        Assert.Equal(frozen.TcpPose, rig.Arm.State.TcpPose);
        Assert.Equal(frozen.Stamp, rig.Arm.State.Stamp);
    }

    [Fact]
    public void Dropped_Commands_Leave_The_Arm_On_Its_Previous_Target()
    {
        var rig = new SimDeviceRig(arm: new SimArmOptions { InitialPose = Pose.At(0, 0, 0.5) });
        rig.Arm.Faults.DropCommands = true;
        Assert.Equal(CommandStatus.Accepted, rig.Arm.CommandPose(Pose.At(0.3, 0, 0.5)));
        rig.Step(500);
        Assert.Equal(0, rig.Arm.State.TcpPose.Position.X, 9);
    }

    [Fact]
    public void Comms_Loss_Makes_Read_And_Write_Return_Error()
    {
        var rig = new SimDeviceRig();
        rig.Arm.Faults.CommsLoss = true;
        Assert.Equal(HardwareResult.Error, rig.Arm.Read(1, 0.001));
        Assert.Equal(HardwareResult.Error, rig.Arm.Write(1, 0.001));
    }

    [Fact]
    public void EStop_Press_Stops_The_Arm_And_Refuses_Commands()
    {
        var rig = new SimDeviceRig(arm: new SimArmOptions { InitialPose = Pose.At(0, 0, 0.5) });
        rig.Arm.CommandPose(Pose.At(0.6, 0, 0.5));
        rig.Step(500);
        rig.Cell.EStopPressed = true;
        rig.Step();
        Assert.True(rig.Arm.State.ProtectiveStop);
        Assert.Equal(CommandStatus.Stopped, rig.Arm.CommandPose(Pose.At(0, 0, 0.5)));
        rig.Step(300);
        Assert.Equal(0, rig.Arm.State.TcpTwist.Linear.Length, 9);
    }
}
