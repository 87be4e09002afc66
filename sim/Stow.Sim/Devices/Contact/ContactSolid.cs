using Stow.Core.Geometry;

namespace Stow.Sim.Devices.Contact;

/// <summary>
/// A solid box the tool can touch, in the pod face frame (x into the pod, y left, z up; metres).
/// Plain struct.
/// </summary>
public struct ContactSolid
{
    /// <summary>Stable id within its geometry.</summary>
    public int Id;

    /// <summary>Axis-aligned extent [m].</summary>
    public Box3 Box;

    /// <summary>True for items (pushed aside when the contact force beats friction); false for bin walls.</summary>
    public bool Movable;

    /// <summary>Mass [kg] (items), used for sliding friction μ·m·g.</summary>
    public double Mass;

    /// <summary>Contact stiffness [N/m] of this solid against the tool.</summary>
    public double Stiffness;
}
