namespace Stow.Perception.Rectification;

/// <summary>
/// Geometric free depth of one bin from its rectified relative-depth channel: every crop pixel's depth is
/// back-projected through the camera intrinsics into the bin's opening frame (a across the opening, b down
/// it, both in [0, 1] of the opening; x into the bin [m]), and each point blocks the grid cells of its column
/// from its own height down to the floor, at its depth x. This undoes the perspective that a single camera
/// sees a bin with (the floor or ceiling in front of the contents when the bin is far off the optical axis),
/// which a crop-aligned reading of depth gets wrong.
/// </summary>
/// <remarks>
/// <para>The "blocks down to the floor" rule is the support assumption: contents rest on the bin floor or on
/// other contents, so a surface seen at height z implies occupancy below it at that depth. It is exact for
/// boxes stacked without overhang, as the simulator and most stowed inventory are, and conservative
/// otherwise. Points on the bin's walls (within <see cref="WallMargin"/> of a side, <see cref="CeilingMargin"/>
/// of the ceiling, <see cref="FloorMargin"/> of the floor or <see cref="BackMargin"/> of the back) are not
/// contents and are skipped, as are points more than <see cref="FrontMargin"/> in front of the opening plane (band
/// remnants), band pixels and pixels without a depth return. A wall seen at a grazing
/// angle smears along the viewing ray by the sensor's depth noise (a bin far above the camera sees its
/// ceiling almost edge-on, and a ceiling point read a centimetre short lands inside the bin near the front),
/// so the side, ceiling and back margins grow by <see cref="NoiseSigmas"/> · σ(z) times how fast each
/// coordinate moves along the ray, with σ(z) = σ₁ · (z / 1 m)² the sensor's depth noise (the simulator's
/// model, <c>SensorNoiseOptions</c>; Khoshelham and Elberink 2012).</para>
/// <para>The map is meant as a bound on a learned estimate (the pipeline keeps the smaller of the two per cell):
/// it sees only what the camera sees, so it over-states free depth where contents are hidden and never
/// invents contents that are not there.</para>
/// <para>Grid and orientation are those of the space model's output: row 0 at the top of the opening,
/// column 0 at its image-left edge; a cell is blocked when its centre lies at or below a point's height
/// (the simulator's ground truth samples cell centres, <c>BinGroundTruth.FreeDepth</c>).</para>
/// <para>Geometry: a crop pixel samples image pixel (uₙ, vₙ) (nearest neighbour, as <see cref="BinRectification"/>
/// does), whose ray is r = ((uₙ − cx)/fx, (vₙ − cy)/fy, 1) with the renderer's pixel-centre convention;
/// the point is P = z·r with z the depth along the optical axis. The opening frame comes from the quad's
/// corners back-projected with their depths: origin at the top-left corner, S to the top-right, T to the
/// bottom-left, N = S × T normalised and pointing away from the camera. a, b and x are affine in z per pixel,
/// so the map precomputes their coefficients. Immutable after construction; <see cref="Splat"/> allocates
/// nothing and is thread-safe.</para>
/// </remarks>
public sealed class BinBackProjection
{
    /// <summary>Points this close to a side wall, as a fraction of the opening width, are the wall (before the noise widening).</summary>
    public const float WallMargin = 0.02f;

    /// <summary>Points this close to the ceiling, as a fraction of the opening height, are the ceiling (before the noise widening).</summary>
    public const float CeilingMargin = 0.03f;

    /// <summary>Points this close to the floor, as a fraction of the opening height, are the floor.</summary>
    public const float FloorMargin = 0.02f;

    /// <summary>Points this close to the back wall [m] are the back wall (before the noise widening).</summary>
    public const float BackMargin = 0.01f;

    /// <summary>Points more than this in front of the opening plane [m] are skipped (bands, band remnants); nearer ones count at x = 0.</summary>
    public const float FrontMargin = 0.03f;

    /// <summary>How many depth-noise σ the wall margins grow by (3: 99.7 % of a Gaussian's mass).</summary>
    public const float NoiseSigmas = 3f;

    private readonly float _sigmaAt1M;
    private readonly float _patchA;
    private readonly float _patchB;
    private readonly float[] _ka;
    private readonly float[] _kb;
    private readonly float[] _kx;
    private readonly float[] _planeDepth;
    private readonly float _ca;
    private readonly float _cb;
    private readonly float _cx;

    /// <summary>Precomputes the back-projection of every crop pixel of <paramref name="map"/>.</summary>
    /// <param name="map">The bin's rectification (crop pixel → image pixel); only its maps and plane depths are read.</param>
    /// <param name="quad">The same bin's opening quad (corners with their depths).</param>
    /// <param name="intrinsics">Camera intrinsics fx, fy, cx, cy [px].</param>
    /// <param name="imageWidth">Image width [px].</param>
    /// <param name="imageHeight">Image height [px].</param>
    /// <param name="depthSigmaAt1M">The sensor's depth noise σ at 1 m [m], ≥ 0 (its calibration; 0 = noise-free).</param>
    /// <exception cref="ArgumentException">The quad is malformed or degenerate (zero-area opening).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depthSigmaAt1M"/> is negative or not finite.</exception>
    public BinBackProjection(BinRectification map, OpeningQuad quad, (double Fx, double Fy, double Cx, double Cy) intrinsics, int imageWidth, int imageHeight, double depthSigmaAt1M)
    {
        if (!(depthSigmaAt1M >= 0) || !double.IsFinite(depthSigmaAt1M))
        {
            throw new ArgumentOutOfRangeException(nameof(depthSigmaAt1M), depthSigmaAt1M, "depth noise must be finite and ≥ 0 m");
        }

        _sigmaAt1M = (float)depthSigmaAt1M;
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(quad);
        quad.Validate();
        var (fx, fy, cx, cy) = intrinsics;
        (double X, double Y, double Z) Corner(int i) => (quad.Z[i] * (quad.U[i] - cx) / fx, quad.Z[i] * (quad.V[i] - cy) / fy, quad.Z[i]);
        var tl = Corner(0);
        var tr = Corner(1);
        var bl = Corner(3);
        var s = (X: tr.X - tl.X, Y: tr.Y - tl.Y, Z: tr.Z - tl.Z);
        var t = (X: bl.X - tl.X, Y: bl.Y - tl.Y, Z: bl.Z - tl.Z);
        var ss = Dot(s, s);
        var tt = Dot(t, t);
        var n = ((s.Y * t.Z) - (s.Z * t.Y), (s.Z * t.X) - (s.X * t.Z), (s.X * t.Y) - (s.Y * t.X));
        var nn = Math.Sqrt(Dot(n, n));
        if (ss < 1e-12 || tt < 1e-12 || nn < 1e-12)
        {
            throw new ArgumentException("opening quad is degenerate: its corners do not span a plane");
        }

        n = (n.Item1 / nn, n.Item2 / nn, n.Item3 / nn);
        if (Dot(n, tl) < 0)
        {
            n = (-n.Item1, -n.Item2, -n.Item3);
        }

        Width = map.Width;
        Height = map.Height;
        _patchA = 1f / map.Width;
        _patchB = 1f / map.Height;
        var count = map.Width * map.Height;
        _ka = new float[count];
        _kb = new float[count];
        _kx = new float[count];
        _planeDepth = map.PlaneDepth;
        for (var k = 0; k < count; k++)
        {
            var (un, vn) = map.Nearest(k, imageWidth, imageHeight);
            var r = ((un - cx) / fx, (vn - cy) / fy, 1.0);
            _ka[k] = (float)(Dot(r, s) / ss);
            _kb[k] = (float)(Dot(r, t) / tt);
            _kx[k] = (float)Dot(r, n);
        }

        _ca = (float)(-Dot(tl, s) / ss);
        _cb = (float)(-Dot(tl, t) / tt);
        _cx = (float)-Dot(tl, n);
    }

    /// <summary>Crop width [px].</summary>
    public int Width { get; }

    /// <summary>Crop height [px].</summary>
    public int Height { get; }

    /// <summary>
    /// The opening-frame coordinates of crop pixel <paramref name="k"/> at optical-axis depth
    /// <paramref name="z"/> [m]: a and b as fractions of the opening (0 at its top-left corner), x [m] into the bin.
    /// </summary>
    public (float A, float B, float X) PointAt(int k, float z) => ((z * _ka[k]) + _ca, (z * _kb[k]) + _cb, (z * _kx[k]) + _cx);

    /// <summary>
    /// Writes the geometric free-depth map of one crop.
    /// </summary>
    /// <param name="relativeDepth">The crop's observed relative depth (depth − opening-plane depth [m], NaN = no return, as
    /// written by <see cref="BinRectification.RectifyDepth"/>), length Width·Height.</param>
    /// <param name="bandMask">Band probability per crop pixel (the band model's <c>band_mask</c>), length Width·Height: pixels
    /// above 0.5 are skipped; empty = no bands.</param>
    /// <param name="binDepth">The bin's depth [m] (free depth where nothing is seen), &gt; 0.</param>
    /// <param name="rows">Grid rows (along the opening height).</param>
    /// <param name="cols">Grid columns (along the opening width).</param>
    /// <param name="freeDepth">Output, row-major rows·cols, image orientation, values in [0, <paramref name="binDepth"/>] [m].</param>
    /// <exception cref="ArgumentException">A buffer has the wrong length, or the grid is empty.</exception>
    public void Splat(ReadOnlySpan<float> relativeDepth, ReadOnlySpan<float> bandMask, float binDepth, int rows, int cols, Span<float> freeDepth)
    {
        var count = Width * Height;
        if (relativeDepth.Length != count)
        {
            throw new ArgumentException($"relative depth has {relativeDepth.Length} pixels, the crop {count}", nameof(relativeDepth));
        }

        if (bandMask.Length != 0 && bandMask.Length != count)
        {
            throw new ArgumentException($"band mask has {bandMask.Length} pixels, the crop {count}", nameof(bandMask));
        }

        if (rows < 1 || cols < 1 || freeDepth.Length != rows * cols)
        {
            throw new ArgumentException($"the free-depth buffer must hold {rows}x{cols} cells", nameof(freeDepth));
        }

        if (!(binDepth > 0))
        {
            throw new ArgumentException($"bin depth {binDepth} m is not positive", nameof(binDepth));
        }

        freeDepth.Fill(binDepth);
        for (var k = 0; k < count; k++)
        {
            var d = relativeDepth[k];
            if (float.IsNaN(d) || (bandMask.Length != 0 && bandMask[k] > 0.5f))
            {
                continue;
            }

            var z = d + _planeDepth[k];
            var x = (z * _kx[k]) + _cx;
            var a = (z * _ka[k]) + _ca;
            var b = (z * _kb[k]) + _cb;

            // A wall seen at a grazing angle smears along the ray by the depth noise: widen each wall's margin by
            // NoiseSigmas · σ(z) times how fast the coordinate moves along the ray (the coefficient of z).
            var noise = NoiseSigmas * _sigmaAt1M * z * z;
            var na = noise * MathF.Abs(_ka[k]);
            var nb = noise * MathF.Abs(_kb[k]);
            var nx = noise * MathF.Abs(_kx[k]);
            if (x < -FrontMargin || x > binDepth - BackMargin - nx || a < WallMargin + na || a > 1 - WallMargin - na
                || b < CeilingMargin + nb || b > 1 - FloorMargin)
            {
                continue;
            }

            x = Math.Max(0f, x);
            // A crop pixel stands for a patch about one crop pixel across: the surface may reach half a pixel (and the
            // nearest-neighbour sampling another half) beyond the point. Rows whose centre is at or below the patch's top,
            // (r + 0.5)/rows ≥ b − δb, and the columns the patch touches are blocked at x.
            var first = Math.Max(0, (int)MathF.Ceiling(((b - _patchB) * rows) - 0.5f));
            var c0 = Math.Clamp((int)((a - _patchA) * cols), 0, cols - 1);
            var c1 = Math.Clamp((int)((a + _patchA) * cols), 0, cols - 1);
            for (var r = first; r < rows; r++)
            {
                for (var cc = c0; cc <= c1; cc++)
                {
                    ref var cell = ref freeDepth[(r * cols) + cc];
                    if (x < cell)
                    {
                        cell = x;
                    }
                }
            }
        }
    }

    private static double Dot((double X, double Y, double Z) p, (double X, double Y, double Z) q) => (p.X * q.X) + (p.Y * q.Y) + (p.Z * q.Z);
}
