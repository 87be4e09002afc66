using Stow.Perception.Rectification;

namespace Stow.Tools.Tests.Perception.Reference;

/// <summary>
/// Test-side reference: the hand-written implementation that BinRectification (OpenCV) replaced, kept verbatim to compare
/// the two on rendered frames (BinRectificationParityTests). Not used by the product.
/// </summary>
/// <remarks>
/// The precomputed sampling map from a fixed-size crop (<see cref="Width"/> × <see cref="Height"/>,
/// image orientation: row 0 at the top of the opening, column 0 at its image-left edge) to image
/// pixels, built once per bin and camera calibration from an <see cref="OpeningQuad"/>; plus the depth
/// [m] of the opening plane at every crop pixel (1/z is affine in image coordinates for a plane, so it
/// is fitted to the four corners). Immutable after construction; safe to share across threads.
/// </remarks>
internal sealed class LegacyRectificationMap
{
    /// <summary>Builds the map.</summary>
    /// <param name="quad">The opening in the image.</param>
    /// <param name="width">Crop width [px] (&gt; 1).</param>
    /// <param name="height">Crop height [px] (&gt; 1).</param>
    /// <exception cref="ArgumentException">Bad quad or crop size.</exception>
    public LegacyRectificationMap(OpeningQuad quad, int width, int height)
    {
        quad.Validate();
        if (width < 2 || height < 2)
        {
            throw new ArgumentException($"crop {width}x{height} px is too small");
        }

        Width = width;
        Height = height;
        U = new float[width * height];
        V = new float[width * height];
        PlaneDepth = new float[width * height];
        ReadOnlySpan<double> cx = [0, 1, 1, 0];
        ReadOnlySpan<double> cy = [0, 0, 1, 1];
        var h = LegacyHomography.FromPoints(cx, cy, quad.U, quad.V);
        var (a, b, c) = FitInverseDepth(quad);
        for (var i = 0; i < height; i++)
        {
            for (var j = 0; j < width; j++)
            {
                var (u, v) = h.Map((j + 0.5) / width, (i + 0.5) / height);
                var k = (i * width) + j;
                U[k] = (float)u;
                V[k] = (float)v;
                PlaneDepth[k] = (float)(1.0 / ((a * u) + (b * v) + c));
            }
        }
    }

    /// <summary>Crop width [px].</summary>
    public int Width { get; }

    /// <summary>Crop height [px].</summary>
    public int Height { get; }

    /// <summary>Image u [px] of each crop pixel, row-major.</summary>
    public float[] U { get; }

    /// <summary>Image v [px] of each crop pixel, row-major.</summary>
    public float[] V { get; }

    /// <summary>Depth [m] of the opening plane at each crop pixel, row-major.</summary>
    public float[] PlaneDepth { get; }

    /// <summary>
    /// The image pixel (column, row) that crop pixel <paramref name="k"/> samples by nearest neighbour, clamped to the
    /// image: the one all depth and mask lookups use. Allocation-free.
    /// </summary>
    public (int U, int V) Nearest(int k, int imageWidth, int imageHeight) =>
        (Math.Clamp((int)MathF.Round(U[k] - 0.5f), 0, imageWidth - 1), Math.Clamp((int)MathF.Round(V[k] - 0.5f), 0, imageHeight - 1));

    private static (double A, double B, double C) FitInverseDepth(OpeningQuad q)
    {
        // Least squares for w = a·u + b·v + c with w = 1/z over the four corners (normal equations).
        double suu = 0, suv = 0, su = 0, svv = 0, sv = 0, n = 4, suw = 0, svw = 0, sw = 0;
        for (var i = 0; i < 4; i++)
        {
            double u = q.U[i], v = q.V[i], w = 1.0 / q.Z[i];
            suu += u * u; suv += u * v; su += u; svv += v * v; sv += v; suw += u * w; svw += v * w; sw += w;
        }

        // Solve [[suu suv su][suv svv sv][su sv n]] x = [suw svw sw] by Cramer's rule.
        var det = Det(suu, suv, su, suv, svv, sv, su, sv, n);
        if (Math.Abs(det) < 1e-18)
        {
            var mean = sw / n;
            return (0, 0, mean);
        }

        var a = Det(suw, suv, su, svw, svv, sv, sw, sv, n) / det;
        var b = Det(suu, suw, su, suv, svw, sv, su, sw, n) / det;
        var c = Det(suu, suv, suw, suv, svv, svw, su, sv, sw) / det;
        return (a, b, c);
    }

    private static double Det(double a, double b, double c, double d, double e, double f, double g, double h, double i) =>
        (a * ((e * i) - (f * h))) - (b * ((d * i) - (f * g))) + (c * ((d * h) - (e * g)));
}
