using Stow.Core.Geometry;

namespace Stow.Hardware.Arm;

/// <summary>
/// One sample of the arm's states, refreshed by <c>Read</c>. Plain struct, copied without allocation.
/// Frames: TCP pose and twist in the arm's base frame, which the cell calibrates to the pod face frame
/// (x into the pod, y left, z up; REP 103); the wrench is the external force/torque acting on the tool,
/// expressed in the base frame axes, about the TCP.
/// </summary>
public struct ArmState
{
    /// <summary>Joint positions [rad].</summary>
    public JointVector JointPositions;

    /// <summary>TCP pose [m, unit quaternion].</summary>
    public Pose TcpPose;

    /// <summary>TCP twist [m/s, rad/s].</summary>
    public Twist TcpTwist;

    /// <summary>External wrench at the TCP [N, N·m], as measured by the force/torque sensor.</summary>
    public Wrench TcpWrench;

    /// <summary>Speed scaling in force, 0..1.</summary>
    public double SpeedScaling;

    /// <summary>True while a protective stop (or an e-stop) holds the arm.</summary>
    public bool ProtectiveStop;

    /// <summary>True while the arm's own controller reports an emergency stop (robot or system e-stop); implies
    /// <see cref="ProtectiveStop"/>. An arm without its own safety report leaves it false (the cell's safety
    /// controller reports the e-stop chain).</summary>
    public bool EmergencyStop;

    /// <summary>Time of this sample [s], on the loop's clock.</summary>
    public double Stamp;
}
