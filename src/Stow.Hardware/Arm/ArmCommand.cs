using Stow.Core.Geometry;

namespace Stow.Hardware.Arm;

/// <summary>The arm's pending command, written by <c>Write</c>. Plain struct.</summary>
public struct ArmCommand
{
    /// <summary>Which set-point below is meaningful.</summary>
    public ArmCommandMode Mode;

    /// <summary>Target TCP pose [m, unit quaternion] in <see cref="ArmCommandMode.Pose"/>.</summary>
    public Pose TargetPose;

    /// <summary>Target TCP twist [m/s, rad/s] in <see cref="ArmCommandMode.Twist"/>.</summary>
    public Twist TargetTwist;

    /// <summary>Speed scaling 0..1 applied to the arm's speed limits.</summary>
    public double SpeedScaling;

    /// <summary>True once a set-point was given since activation.</summary>
    public bool HasTarget;
}
