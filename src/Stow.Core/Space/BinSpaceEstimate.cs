namespace Stow.Core.Space;

using Stow.Core.Ids;

/// <summary>
/// What perception (or the simulator's ground truth) says about the space in one bin. Produced by
/// Stow.Perception from camera frames, or by the simulator when perception is bypassed; consumed by
/// planning. Immutable once built; safe to share.
/// </summary>
/// <param name="Bin">Which bin.</param>
/// <param name="CaptureTime">Capture time [s, clock of the cell] of the frames it came from.</param>
/// <param name="FreeVolume">Free volume inside the bin [m³].</param>
/// <param name="LargestBox">Largest box insertable from the front now (<see cref="Primitive.None"/>).</param>
/// <param name="Confidence">Confidence in [0, 1] (1 for ground truth).</param>
/// <param name="Primitives">Space each primitive could make (one entry per <see cref="Primitive"/>, including None).</param>
/// <param name="FreeDepth">
/// Free-depth map: for each cell of a <paramref name="GridRows"/> × <paramref name="GridCols"/> grid over
/// the opening (row 0 at the bin floor, column 0 at the bin's right wall, i.e. y = 0), the distance [m]
/// from the opening plane to the first occupied point, capped at the bin depth. Row-major.
/// </param>
/// <param name="GridRows">Grid rows (along z).</param>
/// <param name="GridCols">Grid columns (along y).</param>
public sealed record BinSpaceEstimate(
    BinId Bin,
    double CaptureTime,
    double FreeVolume,
    PrimitiveSpace LargestBox,
    double Confidence,
    IReadOnlyList<PrimitiveSpace> Primitives,
    float[] FreeDepth,
    int GridRows,
    int GridCols)
{
    /// <summary>The space for one primitive, or an empty space when not listed.</summary>
    public PrimitiveSpace SpaceFor(Primitive p)
    {
        foreach (var s in Primitives)
        {
            if (s.Primitive == p)
            {
                return s;
            }
        }

        return new PrimitiveSpace(p, 0, 0, 0);
    }
}
