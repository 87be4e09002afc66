namespace Stow.Sim.Rendering;

/// <summary>
/// A point in image coordinates [px], OpenCV convention: (0, 0) is the centre of the top-left pixel,
/// u grows to the right, v grows down. Immutable value type.
/// </summary>
/// <param name="U">Column coordinate [px].</param>
/// <param name="V">Row coordinate [px].</param>
public readonly record struct ImagePoint(double U, double V)
{
    /// <summary>False when the point could not be projected (behind the camera): then both are NaN.</summary>
    public bool IsValid => !double.IsNaN(U) && !double.IsNaN(V);
}
