namespace Stow.Sim.Rendering;

/// <summary>An integer pixel rectangle (crop), top-left inclusive. Immutable value type.</summary>
/// <param name="X">First column [px].</param>
/// <param name="Y">First row [px].</param>
/// <param name="Width">Columns [px], ≥ 0.</param>
/// <param name="Height">Rows [px], ≥ 0.</param>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    /// <summary>True when the rectangle holds no pixel.</summary>
    public bool IsEmpty => Width <= 0 || Height <= 0;
}
