namespace Stow.Core.Space;

/// <summary>
/// The contiguous box of free space a primitive could make in a bin, as seen from the front:
/// the largest box insertable from the opening after the primitive ran. Immutable.
/// </summary>
/// <param name="Primitive">Which primitive.</param>
/// <param name="Width">Free width along y [m].</param>
/// <param name="Height">Free height along z [m].</param>
/// <param name="Depth">Free depth along x [m].</param>
public readonly record struct PrimitiveSpace(Primitive Primitive, double Width, double Height, double Depth)
{
    /// <summary>Box volume [m³].</summary>
    public double Volume => Width * Height * Depth;
}
