namespace Stow.Tools.Tests.Perception.Reference;

/// <summary>
/// Test-side reference: the hand-written implementation that BinRectification (OpenCV) replaced, kept verbatim to compare
/// the two on rendered frames (BinRectificationParityTests). Not used by the product.
/// </summary>
/// <remarks>
/// A 3×3 planar homography H (row-major, h33 = 1) mapping (x, y) to (u, v) by
/// [u', v', w]ᵀ = H·[x, y, 1]ᵀ, u = u'/w, v = v'/w. Built from four point correspondences with the
/// direct linear transform (Hartley and Zisserman, Multiple View Geometry, 2nd ed., §4.1). Immutable.
/// </remarks>
internal sealed class LegacyHomography
{
    private readonly double[] _h;

    private LegacyHomography(double[] h) => _h = h;

    /// <summary>Solves H from four correspondences (x_i, y_i) → (u_i, v_i).</summary>
    /// <exception cref="ArgumentException">Fewer than four points, or a degenerate (collinear) configuration.</exception>
    public static LegacyHomography FromPoints(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        if (x.Length != 4 || y.Length != 4 || u.Length != 4 || v.Length != 4)
        {
            throw new ArgumentException("a homography needs exactly 4 correspondences");
        }

        var a = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            int r0 = 2 * i, r1 = (2 * i) + 1;
            a[r0, 0] = x[i]; a[r0, 1] = y[i]; a[r0, 2] = 1; a[r0, 6] = -u[i] * x[i]; a[r0, 7] = -u[i] * y[i]; a[r0, 8] = u[i];
            a[r1, 3] = x[i]; a[r1, 4] = y[i]; a[r1, 5] = 1; a[r1, 6] = -v[i] * x[i]; a[r1, 7] = -v[i] * y[i]; a[r1, 8] = v[i];
        }

        // Gaussian elimination with partial pivoting on the 8×8 system (last column = right-hand side).
        for (var c = 0; c < 8; c++)
        {
            var p = c;
            for (var r = c + 1; r < 8; r++)
            {
                if (Math.Abs(a[r, c]) > Math.Abs(a[p, c]))
                {
                    p = r;
                }
            }

            if (Math.Abs(a[p, c]) < 1e-12)
            {
                throw new ArgumentException("degenerate quad: three corners are collinear");
            }

            if (p != c)
            {
                for (var k = 0; k < 9; k++)
                {
                    (a[c, k], a[p, k]) = (a[p, k], a[c, k]);
                }
            }

            for (var r = 0; r < 8; r++)
            {
                if (r == c)
                {
                    continue;
                }

                var f = a[r, c] / a[c, c];
                for (var k = c; k < 9; k++)
                {
                    a[r, k] -= f * a[c, k];
                }
            }
        }

        var h = new double[9];
        for (var i = 0; i < 8; i++)
        {
            h[i] = a[i, 8] / a[i, i];
        }

        h[8] = 1;
        return new LegacyHomography(h);
    }

    /// <summary>Maps (x, y) to (u, v).</summary>
    public (double U, double V) Map(double x, double y)
    {
        var w = (_h[6] * x) + (_h[7] * y) + _h[8];
        return (((_h[0] * x) + (_h[1] * y) + _h[2]) / w, ((_h[3] * x) + (_h[4] * y) + _h[5]) / w);
    }
}
