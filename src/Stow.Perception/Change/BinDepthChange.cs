using System.Buffers;
using Stow.Core.Pods;
using Stow.Perception.Pipeline;
using Stow.Perception.Rectification;

namespace Stow.Perception.Change;

/// <summary>
/// Change detection on one bin's depth between two frames of the same camera (before and after a stow attempt): which
/// parts of the bin's surface came closer to the camera, and where they are now (<see cref="DepthChangeProfile"/>). An
/// item that went into the bin shows as an area about its front face that came closer; a bin that looks as it did shows
/// only sensor noise.
/// </summary>
/// <remarks>
/// <para>Per crop pixel of the bin's rectification (<see cref="BinRectification.Nearest"/>: the image pixel the pipeline
/// samples), the two frames' depths z₀ (before) and z₁ (after) along the optical axis are compared; pixels without a
/// return in either frame are skipped. The pixel came closer when the median of z₀ − z₁ over the image window around it
/// (<see cref="WindowRadius"/>) exceeds <see cref="MinChange"/> + <see cref="NoiseSigmas"/> · σ_d · (z₀ / 1 m)², σ_d the
/// noise of that median at 1 m: at least √2 · σ₁ · <see cref="MedianNoiseShare"/> (σ(z) = σ₁ · (z / 1 m)² the sensor's
/// calibrated depth noise, the noise model of <see cref="BinBackProjection"/>; √2 because both frames are noisy), more when the
/// frames show more (estimated from the windows that did not come closer: a sensor noisier than its calibration, or with
/// noise correlated between neighbouring pixels, would otherwise read as change). Its new surface point is back-projected into the
/// opening frame (<see cref="BinBackProjection.PointAt"/>); points outside the opening's span or more than
/// <see cref="BackTolerance"/> behind the back wall are not the bin's contents and are skipped. A crop pixel covers (opening area / crop pixels) of the opening plane, and
/// (z₁ / z_plane)² times that on a fronto-parallel surface at depth z₁ (pinhole scaling), which is the area it counts.</para>
/// <para>Allocation: the three strip arrays of the result; two pixel buffers rented from the shared array pool. Thread-safe (reads its inputs only).</para>
/// </remarks>
public static class BinDepthChange
{
    /// <summary>
    /// Smallest depth change counted [m], above the noise term: 5 mm, the simulator's and a typical structured-light
    /// sensor's depth quantisation and calibration drift at 1-2 m are a few millimetres (a chosen margin, not a datasheet figure).
    /// </summary>
    public const float MinChange = 0.005f;

    /// <summary>How many σ of the difference of two noisy depths a change must exceed (4: a false change on ~1 pixel in 16 000).</summary>
    public const float NoiseSigmas = 4f;

    /// <summary>How far behind the back wall [m] a surface point still counts as the bin's (the back wall read through depth
    /// noise, a fabric back that gives): 3 cm, as <see cref="BinBackProjection.FrontMargin"/> in front.</summary>
    public const float BackTolerance = 0.03f;

    /// <summary>
    /// Half-size of the image window [px] whose median depth change a crop pixel is judged by (1: 3 × 3 pixels): the median
    /// of nine independent samples has 0.42 of one sample's noise (<see cref="MedianNoiseShare"/>), which cuts the
    /// threshold by that much, so that a face a few centimetres in front of what was there before is seen from 2 m (the
    /// simulator's tower), where one pixel's 4σ is 3-5 cm; and a median, unlike a mean, does not spread a change past its
    /// edge (a pixel counts when at least five of its nine did).
    /// </summary>
    public const int WindowRadius = 1;

    /// <summary>
    /// Noise of the median of nine independent Gaussian samples as a share of one sample's: 0.42 (√(π / 2) / 3 = 0.418,
    /// the large-sample formula, which for nine samples is within a few per cent of the exact figure).
    /// </summary>
    public const float MedianNoiseShare = 0.42f;

    /// <summary>The median of a half-normal distribution of σ 1: Φ⁻¹(0.75) = 0.6745.</summary>
    public const float HalfNormalMedian = 0.6745f;

    /// <summary>Fewest pixels on the unchanged surface's far side to estimate the noise from; below, the calibrated σ alone is used.</summary>
    public const int MinPixelsForNoise = 64;

    /// <summary>Default depth behind the opening plane [m] under which a changed surface counts as near the opening (2 cm).</summary>
    public const float DefaultNearDepth = 0.02f;

    /// <summary>Default number of lateral strips across the opening.</summary>
    public const int DefaultStrips = 48;

    /// <summary>Measures the change of one bin between <paramref name="before"/> and <paramref name="after"/>.</summary>
    /// <param name="map">The bin's rectification in this camera.</param>
    /// <param name="projection">The same bin's back-projection (same crop size as <paramref name="map"/>).</param>
    /// <param name="bin">The bin's geometry (opening width and height, depth) [m].</param>
    /// <param name="before">The camera's frame before the attempt (depth in mm, 0 = no return).</param>
    /// <param name="after">The same camera's frame after it, of the same size.</param>
    /// <param name="depthSigmaAt1M">The sensor's depth noise σ at 1 m [m], ≥ 0.</param>
    /// <param name="nearDepth">Depth behind the opening plane [m] under which a changed surface is near the opening.</param>
    /// <param name="strips">Lateral strips, ≥ 1.</param>
    /// <returns>The change, per lateral strip.</returns>
    /// <exception cref="ArgumentException">The frames differ in size or their depth buffers do not match it, or the map and
    /// projection differ in crop size.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depthSigmaAt1M"/> negative or not finite, or
    /// <paramref name="strips"/> below 1.</exception>
    public static DepthChangeProfile Measure(BinRectification map, BinBackProjection projection, BinSpec bin, RgbdFrame before, RgbdFrame after,
        double depthSigmaAt1M, float nearDepth = DefaultNearDepth, int strips = DefaultStrips)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(bin);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!(depthSigmaAt1M >= 0) || !double.IsFinite(depthSigmaAt1M))
        {
            throw new ArgumentOutOfRangeException(nameof(depthSigmaAt1M), depthSigmaAt1M, "depth noise must be finite and ≥ 0 m");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(strips, 1);
        if (before.Width != after.Width || before.Height != after.Height)
        {
            throw new ArgumentException($"frames differ in size: before {before.Width}x{before.Height}, after {after.Width}x{after.Height}", nameof(after));
        }

        var w = after.Width;
        var h = after.Height;
        if (before.DepthMm.Length != w * h || after.DepthMm.Length != w * h)
        {
            throw new ArgumentException($"depth buffers ({before.DepthMm.Length}, {after.DepthMm.Length} samples) do not match {w}x{h}", nameof(after));
        }

        if (map.Width != projection.Width || map.Height != projection.Height)
        {
            throw new ArgumentException($"rectification crop {map.Width}x{map.Height} and back-projection crop {projection.Width}x{projection.Height} differ", nameof(projection));
        }

        var compared = new float[strips];
        var closer = new float[strips];
        var near = new float[strips];
        var count = map.Width * map.Height;
        var pixelArea = (float)(bin.OpeningWidth * bin.OpeningHeight / count);
        var depth = (float)bin.Depth;
        var plane = map.PlaneDepth;
        ReadOnlySpan<ushort> d0 = before.DepthMm;
        ReadOnlySpan<ushort> d1 = after.DepthMm;
        var diff = ArrayPool<float>.Shared.Rent(count);
        var sorted = ArrayPool<float>.Shared.Rent(count);
        try
        {
            // Pass 1: each compared pixel's change (its window's median), normalised to 1 m ((z₀ − z₁) / z₀²), NaN where not compared.
            int n = 0, zeros = 0;
            for (var k = 0; k < count; k++)
            {
                diff[k] = float.NaN;
                var (u, v) = map.Nearest(k, w, h);
                var i = (v * w) + u;
                var m0 = d0[i];
                var m1 = d1[i];
                if (m0 == 0 || m1 == 0)
                {
                    continue;
                }

                var z0 = m0 * 0.001f;
                var (a, b, x) = projection.PointAt(k, m1 * 0.001f);
                if (a < 0 || a > 1 || b < 0 || b > 1 || x > depth + BackTolerance)
                {
                    continue;
                }

                var change = WindowChange(d0, d1, w, h, u, v);
                diff[k] = change * 0.001f / (z0 * z0);
                if (change < 0)
                {
                    sorted[n++] = -diff[k];
                }
                else if (change == 0)
                {
                    zeros++;
                }
            }

            var sigma = DifferenceSigma(sorted.AsSpan(0, n), zeros, (float)depthSigmaAt1M * MedianNoiseShare);

            // Pass 2: sum areas per strip, a pixel changed where it came closer by more than the threshold.
            for (var k = 0; k < count; k++)
            {
                if (float.IsNaN(diff[k]))
                {
                    continue;
                }

                var (u, v) = map.Nearest(k, w, h);
                var i = (v * w) + u;
                var z0 = d0[i] * 0.001f;
                var z1 = d1[i] * 0.001f;
                var (a, _, x) = projection.PointAt(k, z1);

                // Image-left (a = 0) is the bin's left wall; the planner's y runs from the right wall.
                var strip = Math.Clamp((int)((1 - a) * strips), 0, strips - 1);
                var scale = z1 / plane[k];
                var area = pixelArea * scale * scale;
                compared[strip] += area;
                if (diff[k] * z0 * z0 > MinChange + (NoiseSigmas * sigma * z0 * z0))
                {
                    closer[strip] += area;
                    if (x < nearDepth)
                    {
                        near[strip] += area;
                    }
                }
            }

            return new DepthChangeProfile(bin.OpeningWidth, compared, closer, near) { NoiseSigmaAt1M = sigma };
        }
        finally
        {
            ArrayPool<float>.Shared.Return(diff);
            ArrayPool<float>.Shared.Return(sorted);
        }
    }

    /// <summary>
    /// Median of (before − after) depth [mm] over the image window of <see cref="WindowRadius"/> around pixel
    /// (<paramref name="u"/>, <paramref name="v"/>), clipped to the image, over the pixels with a return in both frames
    /// (the centre has one). Allocation-free (the window's values on the stack).
    /// </summary>
    private static float WindowChange(ReadOnlySpan<ushort> d0, ReadOnlySpan<ushort> d1, int w, int h, int u, int v)
    {
        const int size = ((2 * WindowRadius) + 1) * ((2 * WindowRadius) + 1);
        Span<int> values = stackalloc int[size];
        var n = 0;
        for (var y = Math.Max(0, v - WindowRadius); y <= Math.Min(h - 1, v + WindowRadius); y++)
        {
            for (var x = Math.Max(0, u - WindowRadius); x <= Math.Min(w - 1, u + WindowRadius); x++)
            {
                var i = (y * w) + x;
                int a = d0[i], b = d1[i];
                if (a != 0 && b != 0)
                {
                    values[n++] = a - b;
                }
            }
        }

        var window = values[..n];
        window.Sort();
        return (n & 1) == 1 ? window[n / 2] : (window[(n / 2) - 1] + window[n / 2]) * 0.5f;
    }

    /// <summary>
    /// The σ at 1 m of the difference of two frames' (window-median) depths: the larger of √2 · <paramref name="calibratedAt1M"/>
    /// and the one the frames show. The latter comes from the pixels that went farther (normalised magnitudes <paramref name="farther"/>) and half
    /// of those that did not change (<paramref name="unchanged"/>): the unchanged surface's half-normal side, which the pixels
    /// that came closer (an item put in) do not reach however much of the bin they cover; its median divided by the
    /// half-normal median 0.6745 (<see cref="HalfNormalMedian"/>). Something that moved away (a swept neighbour) only raises
    /// it. Sorts <paramref name="farther"/> in place.
    /// </summary>
    private static float DifferenceSigma(Span<float> farther, int unchanged, float calibratedAt1M)
    {
        var calibrated = MathF.Sqrt(2) * calibratedAt1M;
        var half = unchanged / 2;
        var side = farther.Length + half;
        if (side < MinPixelsForNoise)
        {
            return calibrated;
        }

        var median = side / 2;
        if (median < half)
        {
            return calibrated;
        }

        farther.Sort();
        return MathF.Max(calibrated, farther[median - half] / HalfNormalMedian);
    }
}
