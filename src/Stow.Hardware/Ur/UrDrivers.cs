using Stow.Hardware.Management;

namespace Stow.Hardware.Ur;

/// <summary>Registers the Universal Robots driver type <c>ur.arm</c> (<see cref="UrArm"/>; parameters: <see cref="UrArmOptions"/>).</summary>
public static class UrDrivers
{
    /// <summary>Type key of <see cref="UrArm"/>.</summary>
    public const string ArmType = "ur.arm";

    /// <summary>Registers the driver type.</summary>
    /// <param name="registry">Registry to fill.</param>
    public static void Register(HardwareRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(ArmType, c => new UrArm(c.Name, UrArmOptions.FromConfig(c)));
    }
}
