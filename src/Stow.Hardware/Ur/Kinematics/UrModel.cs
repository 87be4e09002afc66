namespace Stow.Hardware.Ur.Kinematics;

/// <summary>Universal Robots e-Series arm models whose kinematics <see cref="UrDhParameters"/> knows.</summary>
public enum UrModel
{
    /// <summary>UR3e (reach 500 mm).</summary>
    Ur3e,

    /// <summary>UR5e (reach 850 mm).</summary>
    Ur5e,

    /// <summary>UR10e (reach 1300 mm).</summary>
    Ur10e,

    /// <summary>UR16e (reach 900 mm).</summary>
    Ur16e,
}
