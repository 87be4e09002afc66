namespace Stow.Core.Geometry;

/// <summary>
/// Linear [m/s] and angular [rad/s] velocity of a frame, as geometry_msgs/Twist. Immutable value type.
/// </summary>
/// <param name="Linear">Linear velocity [m/s].</param>
/// <param name="Angular">Angular velocity [rad/s].</param>
public readonly record struct Twist(Vec3 Linear, Vec3 Angular)
{
    /// <summary>At rest.</summary>
    public static Twist Zero => default;
}
