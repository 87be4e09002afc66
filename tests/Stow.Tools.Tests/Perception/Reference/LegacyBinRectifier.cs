namespace Stow.Tools.Tests.Perception.Reference;

/// <summary>
/// Test-side reference: the hand-written implementation that BinRectification (OpenCV) replaced, kept verbatim to compare
/// the two on rendered frames (BinRectificationParityTests). Not used by the product.
/// </summary>
/// <remarks>
/// Samples one bin's crop out of a full RGB-D frame into a network input tensor, using a
/// <see cref="LegacyRectificationMap"/>. Output layout [4, H, W] float32, channel-major: R, G, B in [0, 1]
/// (bilinear), then D = depth − opening-plane depth [m] (nearest neighbour, so that edges do not blend
/// foreground and background), clamped to [<see cref="MinRelativeDepth"/>, <see cref="MaxRelativeDepth"/>];
/// pixels with no depth return give <see cref="MissingDepth"/>. Stateless; allocation-free; thread-safe.
/// </remarks>
internal static class LegacyBinRectifier
{
    /// <summary>Lowest relative depth kept [m] (bands and protrusions sit slightly in front of the opening).</summary>
    public const float MinRelativeDepth = -0.10f;

    /// <summary>Highest relative depth kept [m] (deeper than any bin in config/pods).</summary>
    public const float MaxRelativeDepth = 1.0f;

    /// <summary>Value written where the sensor gave no depth.</summary>
    public const float MissingDepth = 0f;

    /// <summary>Number of channels written.</summary>
    public const int Channels = 4;

    /// <summary>Rectifies one crop.</summary>
    /// <param name="rgb">Interleaved RGB, length <paramref name="imageWidth"/>·<paramref name="imageHeight"/>·3.</param>
    /// <param name="depthMm">Depth [mm], 0 = no return, length <paramref name="imageWidth"/>·<paramref name="imageHeight"/>.</param>
    /// <param name="imageWidth">Image width [px].</param>
    /// <param name="imageHeight">Image height [px].</param>
    /// <param name="map">The bin's map.</param>
    /// <param name="destination">Output, length 4·map.Height·map.Width.</param>
    /// <exception cref="ArgumentException">Buffer sizes do not match.</exception>
    public static void Rectify(ReadOnlySpan<byte> rgb, ReadOnlySpan<ushort> depthMm, int imageWidth, int imageHeight, LegacyRectificationMap map, Span<float> destination)
    {
        var n = map.Width * map.Height;
        if (rgb.Length != imageWidth * imageHeight * 3 || depthMm.Length != imageWidth * imageHeight)
        {
            throw new ArgumentException($"frame buffers do not match {imageWidth}x{imageHeight}");
        }

        if (destination.Length != Channels * n)
        {
            throw new ArgumentException($"destination holds {destination.Length} floats, {Channels * n} needed");
        }

        const float inv255 = 1f / 255f;
        for (var k = 0; k < n; k++)
        {
            var u = map.U[k] - 0.5f;
            var v = map.V[k] - 0.5f;
            var u0 = (int)MathF.Floor(u);
            var v0 = (int)MathF.Floor(v);
            var fu = u - u0;
            var fv = v - v0;
            for (var ch = 0; ch < 3; ch++)
            {
                var p00 = Px(rgb, imageWidth, imageHeight, u0, v0, ch);
                var p10 = Px(rgb, imageWidth, imageHeight, u0 + 1, v0, ch);
                var p01 = Px(rgb, imageWidth, imageHeight, u0, v0 + 1, ch);
                var p11 = Px(rgb, imageWidth, imageHeight, u0 + 1, v0 + 1, ch);
                var top = p00 + ((p10 - p00) * fu);
                var bottom = p01 + ((p11 - p01) * fu);
                destination[(ch * n) + k] = (top + ((bottom - top) * fv)) * inv255;
            }

            var (un, vn) = map.Nearest(k, imageWidth, imageHeight);
            var d = depthMm[(vn * imageWidth) + un];
            destination[(3 * n) + k] = d == 0
                ? MissingDepth
                : Math.Clamp((d * 0.001f) - map.PlaneDepth[k], MinRelativeDepth, MaxRelativeDepth);
        }
    }

    /// <summary>
    /// Samples only the relative depth of one crop (nearest neighbour, as <see cref="Rectify"/>), unclamped, with NaN where
    /// the sensor gave no return: the input of <see cref="BinBackProjection"/>, which must tell a surface lying in the
    /// opening plane (relative depth 0) from a missing return.
    /// </summary>
    /// <param name="depthMm">Depth [mm], 0 = no return, length <paramref name="imageWidth"/>·<paramref name="imageHeight"/>.</param>
    /// <param name="imageWidth">Image width [px].</param>
    /// <param name="imageHeight">Image height [px].</param>
    /// <param name="map">The bin's map.</param>
    /// <param name="destination">Output [m], length map.Height·map.Width.</param>
    /// <exception cref="ArgumentException">Buffer sizes do not match.</exception>
    public static void RectifyDepth(ReadOnlySpan<ushort> depthMm, int imageWidth, int imageHeight, LegacyRectificationMap map, Span<float> destination)
    {
        var n = map.Width * map.Height;
        if (depthMm.Length != imageWidth * imageHeight || destination.Length != n)
        {
            throw new ArgumentException($"depth buffer or destination does not match {imageWidth}x{imageHeight} and {map.Width}x{map.Height}");
        }

        for (var k = 0; k < n; k++)
        {
            var (un, vn) = map.Nearest(k, imageWidth, imageHeight);
            var d = depthMm[(vn * imageWidth) + un];
            destination[k] = d == 0 ? float.NaN : (d * 0.001f) - map.PlaneDepth[k];
        }
    }

    private static float Px(ReadOnlySpan<byte> rgb, int w, int h, int u, int v, int ch)
    {
        u = Math.Clamp(u, 0, w - 1);
        v = Math.Clamp(v, 0, h - 1);
        return rgb[(((v * w) + u) * 3) + ch];
    }
}
