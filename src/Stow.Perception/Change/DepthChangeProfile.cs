namespace Stow.Perception.Change;

/// <summary>
/// How one bin's depth image changed between two frames (before and after a stow attempt), summed over lateral strips of
/// the opening: for each strip, the surface area the two frames both saw, the part of it that came closer to the camera,
/// and the part of that whose new surface lies near the opening plane. Made by <see cref="BinDepthChange.Measure"/>.
/// Immutable after construction (the arrays are not copied: do not change them); safe to share.
/// </summary>
/// <remarks>
/// Strip <c>i</c> covers the bin's lateral coordinate y ∈ [i·w, (i + 1)·w) with w = <see cref="OpeningWidth"/> /
/// <see cref="Strips"/>, y measured from the bin's right wall (y = 0) as the planner's lateral position is. A pixel is put
/// in the strip of its surface point after the attempt (where the changed surface is now, whatever the perspective), and
/// counts with the area it covers on that surface [m²], so that a face deep in the bin counts as much as one at the front.
/// </remarks>
/// <param name="OpeningWidth">The bin opening's width [m], &gt; 0.</param>
/// <param name="Compared">Per strip: surface area seen with a depth return in both frames [m²].</param>
/// <param name="Closer">Per strip: area whose surface came closer to the camera by more than the change threshold [m²].</param>
/// <param name="NearOpening">Per strip: the part of <paramref name="Closer"/> whose new surface lies less than the near depth
/// behind the opening plane (or in front of it) [m²].</param>
public sealed record DepthChangeProfile(double OpeningWidth, float[] Compared, float[] Closer, float[] NearOpening)
{
    /// <summary>
    /// σ at 1 m of the difference of the two frames' depths that the change threshold used [m] (<see cref="BinDepthChange"/>:
    /// the sensor's calibration, or more where the frames showed more noise); 0 when not measured.
    /// </summary>
    public float NoiseSigmaAt1M { get; init; }

    /// <summary>Number of lateral strips.</summary>
    public int Strips => Closer.Length;

    /// <summary>Area that came closer over the lateral span [<paramref name="y0"/>, <paramref name="y1"/>] [m] (strips that overlap it) [m²].</summary>
    public double CloserIn(double y0, double y1) => Sum(Closer, y0, y1);

    /// <summary>Area that came closer with its new surface near the opening plane over [<paramref name="y0"/>, <paramref name="y1"/>] [m] [m²].</summary>
    public double NearOpeningIn(double y0, double y1) => Sum(NearOpening, y0, y1);

    /// <summary>Area seen in both frames over [<paramref name="y0"/>, <paramref name="y1"/>] [m] [m²].</summary>
    public double ComparedIn(double y0, double y1) => Sum(Compared, y0, y1);

    /// <summary>Area that came closer anywhere in the bin [m²].</summary>
    public double CloserTotal => Sum(Closer, double.NegativeInfinity, double.PositiveInfinity);

    private double Sum(float[] strips, double y0, double y1)
    {
        var n = strips.Length;
        if (n == 0 || !(y1 >= y0))
        {
            return 0;
        }

        var w = OpeningWidth / n;
        var i0 = (int)Math.Clamp(Math.Floor(y0 / w), 0, n - 1);
        var i1 = (int)Math.Clamp(Math.Ceiling(y1 / w) - 1, i0, n - 1);
        double s = 0;
        for (var i = i0; i <= i1; i++)
        {
            s += strips[i];
        }

        return s;
    }
}
