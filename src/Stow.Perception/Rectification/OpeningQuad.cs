namespace Stow.Perception.Rectification;

/// <summary>
/// A bin opening as seen in an image: its four corners in pixel coordinates (u right, v down) with
/// the camera-frame depth [m] of each corner, ordered top-left, top-right, bottom-right, bottom-left
/// as seen in the image. Immutable. Comes from the pod calibration (camera intrinsics and extrinsics
/// plus the pod type's bin geometry).
/// </summary>
/// <param name="U">Corner u [px], length 4.</param>
/// <param name="V">Corner v [px], length 4.</param>
/// <param name="Z">Corner depth along the optical axis [m], length 4.</param>
public sealed record OpeningQuad(double[] U, double[] V, double[] Z)
{
    /// <summary>Checks the shape.</summary>
    /// <exception cref="ArgumentException">Not four corners, or a depth not positive.</exception>
    public void Validate()
    {
        if (U.Length != 4 || V.Length != 4 || Z.Length != 4)
        {
            throw new ArgumentException("an opening quad has exactly 4 corners (u, v, z)");
        }

        foreach (var z in Z)
        {
            if (!(z > 0) || !double.IsFinite(z))
            {
                throw new ArgumentException($"opening quad corner depth {z} m is not positive");
            }
        }
    }
}
