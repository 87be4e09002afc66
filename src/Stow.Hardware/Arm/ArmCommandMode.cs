namespace Stow.Hardware.Arm;

/// <summary>Command interface of the arm, switched with the two-step mode switch.</summary>
public enum ArmCommandMode
{
    /// <summary>Cartesian TCP pose set-points (the arm tracks them within its limits).</summary>
    Pose = 0,

    /// <summary>Cartesian TCP twist (velocity) set-points.</summary>
    Twist = 1,
}
