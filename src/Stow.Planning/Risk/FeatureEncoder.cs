namespace Stow.Planning.Risk;

using Stow.Core.Items;
using Stow.Planning.Candidates;

/// <summary>
/// Turns <see cref="CandidateFeatures"/> into the numeric features of the learned model: one-hot packaging class
/// (<see cref="ClassCount"/>), one-hot chain (<see cref="PrimitiveChain.Count"/>) and <see cref="ContinuousCount"/>
/// continuous features. Stateless, thread-safe, allocation-free.
/// </summary>
public static class FeatureEncoder
{
    /// <summary>Number of packaging classes (one-hot width).</summary>
    public const int ClassCount = 7;

    /// <summary>Number of continuous features written by <see cref="WriteContinuous"/>.</summary>
    public const int ContinuousCount = 10;

    /// <summary>
    /// Length scale [m] of the tight-opening term exp(−min clearance / scale): 10 mm (engineering assumption: below
    /// about a centimetre the fabric and the bands start to drag on the item).
    /// </summary>
    public const double OpeningTightnessScale = 0.010;

    /// <summary>Length scale [m] of the tight-depth term exp(−depth clearance / scale): 20 mm (engineering assumption).</summary>
    public const double DepthTightnessScale = 0.020;

    /// <summary>Names of the continuous features, in the order <see cref="WriteContinuous"/> writes them.</summary>
    public static IReadOnlyList<string> ContinuousNames { get; } =
    [
        "mass_kg", "fragile", "clearance_width_m", "clearance_height_m", "clearance_depth_m",
        "tight_opening", "tight_depth", "fill_fraction", "row_height_m", "volume_ratio",
    ];

    /// <summary>One-hot index of the class; values outside the enum map to <see cref="PackagingClass.Irregular"/>.</summary>
    public static int ClassIndex(PackagingClass cls) =>
        (uint)cls < ClassCount ? (int)cls : (int)PackagingClass.Irregular;

    /// <summary>One-hot index of the chain; a chain outside <see cref="PrimitiveChain.All"/> maps to its first step alone.</summary>
    public static int ChainIndex(in PrimitiveChain chain)
    {
        var i = chain.Index;
        return i >= 0 ? i : Math.Clamp((int)chain.First, 0, PrimitiveChain.Count - 1);
    }

    /// <summary>
    /// Writes the <see cref="ContinuousCount"/> continuous features into <paramref name="destination"/> (length ≥
    /// <see cref="ContinuousCount"/>); non-finite inputs read as 0.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static void WriteContinuous(in CandidateFeatures f, Span<double> destination)
    {
        if (destination.Length < ContinuousCount)
        {
            throw new ArgumentException($"need {ContinuousCount} slots", nameof(destination));
        }

        destination[0] = Finite(f.Mass);
        destination[1] = f.Fragile ? 1 : 0;
        destination[2] = Finite(f.ClearanceWidth);
        destination[3] = Finite(f.ClearanceHeight);
        destination[4] = Finite(f.ClearanceDepth);
        destination[5] = Math.Exp(-Math.Max(0, Finite(f.MinClearance)) / OpeningTightnessScale);
        destination[6] = Math.Exp(-Math.Max(0, Finite(f.ClearanceDepth)) / DepthTightnessScale);
        destination[7] = Finite(f.FillFraction);
        destination[8] = Finite(f.RowHeight);
        destination[9] = Finite(f.VolumeRatio);
    }

    /// <summary>Logistic function 1 / (1 + e^−z), exact at the tails (no overflow), in [0, 1].</summary>
    public static double Sigmoid(double z)
    {
        if (double.IsNaN(z))
        {
            return 0;
        }

        if (z >= 0)
        {
            return 1 / (1 + Math.Exp(-z));
        }

        var e = Math.Exp(z);
        return e / (1 + e);
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;
}
