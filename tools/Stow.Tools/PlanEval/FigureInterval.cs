using System.Text.Json.Serialization;

namespace Stow.Tools.PlanEval;

/// <summary>
/// A figure over several seeds: its mean and a 95 % Student-t interval of the mean over seeds (each seed one
/// independent shift; the t quantile for n − 1 degrees of freedom). Immutable.
/// </summary>
/// <param name="Mean">Mean over the seeds where the figure is defined.</param>
/// <param name="Low">Lower end of the 95 % interval.</param>
/// <param name="High">Upper end of the 95 % interval.</param>
/// <param name="Seeds">Seeds where the figure is defined.</param>
public sealed record FigureInterval(
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("low")] double Low,
    [property: JsonPropertyName("high")] double High,
    [property: JsonPropertyName("seeds")] int Seeds)
{
    // Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom (any statistics table).
    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>The interval of <paramref name="values"/> (NaN entries skipped); NaN everywhere when none is finite, zero width for one.</summary>
    public static FigureInterval Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var v = values.Where(double.IsFinite).ToArray();
        if (v.Length == 0)
        {
            return new FigureInterval(double.NaN, double.NaN, double.NaN, 0);
        }

        var mean = v.Average();
        if (v.Length == 1)
        {
            return new FigureInterval(mean, mean, mean, 1);
        }

        var sd = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        var t = v.Length - 1 <= T975.Length ? T975[v.Length - 2] : 1.96;
        var half = t * sd / Math.Sqrt(v.Length);
        return new FigureInterval(mean, mean - half, mean + half, v.Length);
    }
}
