namespace Stow.Core.Catalog;

using System.Text.Json.Serialization;

/// <summary>The 5th, 50th and 95th percentiles of a sample, in the sample's unit. Immutable.</summary>
/// <param name="P5">5th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
public sealed record Percentiles(
    [property: JsonPropertyName("p5")] double P5,
    [property: JsonPropertyName("p50")] double P50,
    [property: JsonPropertyName("p95")] double P95)
{
    /// <summary>
    /// Percentiles by linear interpolation between closest ranks (Hyndman and Fan 1996, type 7; the default of R
    /// and NumPy). Null for an empty sample.
    /// </summary>
    public static Percentiles? Of(IEnumerable<double> values)
    {
        var s = values.ToArray();
        if (s.Length == 0)
        {
            return null;
        }

        Array.Sort(s);
        return new Percentiles(At(s, 0.05), At(s, 0.50), At(s, 0.95));
    }

    /// <summary>The <paramref name="q"/>-quantile (0..1) of an ascending sorted, non-empty sample (type 7).</summary>
    public static double At(IReadOnlyList<double> sorted, double q)
    {
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
