namespace Stow.Sim.Rendering;

/// <summary>
/// Standard normal quantiles at (i + 0.5)/n, indexed by random bits: a fast, deterministic Gaussian
/// sampler. <see cref="Values"/> has 65,536 entries (16 bits, tails cut at ±4.3σ), used for depth;
/// <see cref="Quantiles"/>(256) (8 bits, tails at ±2.9σ) is enough for 8-bit colour noise. Quantiles from P. J. Acklam's rational
/// approximation of the inverse normal CDF (relative error &lt; 1.15e-9). Immutable, thread-safe.
/// </summary>
internal static class GaussianTable
{
    public const int Size = 65536;

    public static float[] Values { get; } = Quantiles(Size);

    public static float[] Quantiles(int n)
    {
        var t = new float[n];
        for (var i = 0; i < n; i++)
        {
            t[i] = (float)InverseNormal((i + 0.5) / n);
        }

        return t;
    }

    private static double InverseNormal(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return Poly(c, q) / ((Poly(d, q) * q) + 1);
        }

        if (p > 1 - low)
        {
            return -InverseNormal(1 - p);
        }

        var r = p - 0.5;
        var s = r * r;
        return Poly(a, s) * r / ((Poly(b, s) * s) + 1);
    }

    /// <summary>Horner: k[0]·x^(n−1) + ... + k[n−1].</summary>
    private static double Poly(double[] k, double x)
    {
        var v = 0.0;
        foreach (var ki in k)
        {
            v = (v * x) + ki;
        }

        return v;
    }
}
