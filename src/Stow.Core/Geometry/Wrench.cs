namespace Stow.Core.Geometry;

/// <summary>
/// Force [N] and torque [N·m] acting at a point (normally the TCP), expressed in a stated frame,
/// as geometry_msgs/Wrench. Immutable value type.
/// </summary>
/// <param name="Force">Force [N].</param>
/// <param name="Torque">Torque [N·m].</param>
public readonly record struct Wrench(Vec3 Force, Vec3 Torque)
{
    /// <summary>No load.</summary>
    public static Wrench Zero => default;

    /// <summary>Component-wise sum.</summary>
    public static Wrench operator +(Wrench a, Wrench b) => new(a.Force + b.Force, a.Torque + b.Torque);
}
