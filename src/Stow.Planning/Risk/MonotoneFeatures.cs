namespace Stow.Planning.Risk;

using Stow.Planning.Candidates;

/// <summary>
/// The features of <see cref="MonotoneLogisticModel"/>: one or more per cause of failure the simulator and the
/// published stow system name (clearance per axis, front margin, lying cylinder, leaning, packaging class, mass with
/// height, chain), each with the sign physics dictates where it dictates one. Stateless, thread-safe, allocation-free.
/// </summary>
/// <remarks>
/// Signs: more clearance across, above or in front (behind the item the free depth is the front margin to the band
/// line, the item being pushed to the back) never lowers P, so their linear weights are ≥ 0 and the weights of their
/// tightness terms exp(−c / scale) are ≤ 0; a lying cylinder, a leaning item and a heavy item high up never raise P
/// (weights ≤ 0). Class, chain, fill and volume ratio have free signs. Hence P is non-decreasing in every clearance.
/// </remarks>
public static class MonotoneFeatures
{
    /// <summary>Number of continuous and flag features before the one-hots.</summary>
    public const int ContinuousCount = 11;

    /// <summary>Total width: bias, <see cref="ContinuousCount"/>, class one-hot, chain one-hot.</summary>
    public const int Count = 1 + ContinuousCount + FeatureEncoder.ClassCount + PrimitiveChain.Count;

    /// <summary>Feature names, in encoding order (<c>bias</c> first).</summary>
    public static IReadOnlyList<string> Names { get; } = BuildNames();

    /// <summary>Sign constraint of each feature: +1 (weight ≥ 0), −1 (weight ≤ 0) or 0 (free).</summary>
    public static IReadOnlyList<int> Signs { get; } =
    [
        0, // bias
        +1, +1, +1, // clearance width, height, front margin (depth) [m]
        -1, -1, // tight opening, tight front (exp decays)
        -1, -1, // lying cylinder, leaning
        -1, // mass × row height [kg·m]
        0, 0, 0, // fragile, fill fraction, volume ratio
        0, 0, 0, 0, 0, 0, 0, // class one-hot
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // chain one-hot
    ];

    /// <summary>Writes the <see cref="Count"/> features of <paramref name="f"/> into <paramref name="x"/>; non-finite inputs read as 0.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> is shorter than <see cref="Count"/>.</exception>
    public static void Write(in CandidateFeatures f, Span<double> x)
    {
        if (x.Length < Count)
        {
            throw new ArgumentException($"need {Count} slots", nameof(x));
        }

        x[..Count].Clear();
        var cw = Math.Max(0, Finite(f.ClearanceWidth));
        var ch = Math.Max(0, Finite(f.ClearanceHeight));
        var cd = Math.Max(0, Finite(f.ClearanceDepth));
        x[0] = 1;
        x[1] = Math.Min(cw, CapClearance);
        x[2] = Math.Min(ch, CapClearance);
        x[3] = Math.Min(cd, CapClearance);
        x[4] = Math.Exp(-Math.Min(cw, ch) / FeatureEncoder.OpeningTightnessScale);
        x[5] = Math.Exp(-cd / FeatureEncoder.OpeningTightnessScale);
        x[6] = f.LyingCylinder ? 1 : 0;
        x[7] = f.Leaning ? 1 : 0;
        x[8] = Math.Max(0, Finite(f.Mass)) * Math.Max(0, Finite(f.RowHeight));
        x[9] = f.Fragile ? 1 : 0;
        x[10] = Finite(f.FillFraction);
        x[11] = Finite(f.VolumeRatio);
        x[1 + ContinuousCount + FeatureEncoder.ClassIndex(f.Class)] = 1;
        x[1 + ContinuousCount + FeatureEncoder.ClassCount + FeatureEncoder.ChainIndex(f.Chain)] = 1;
    }

    /// <summary>Clearance [m] beyond which more room adds nothing (0.10 m: a hand's width; keeps huge gaps from dominating a linear term).</summary>
    public const double CapClearance = 0.10;

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;

    private static string[] BuildNames()
    {
        var names = new List<string>
        {
            "bias", "clearance_width_m", "clearance_height_m", "front_margin_m", "tight_opening", "tight_front",
            "lying_cylinder", "leaning", "mass_x_height_kgm", "fragile", "fill_fraction", "volume_ratio",
        };
        names.AddRange(Enum.GetNames<Stow.Core.Items.PackagingClass>().Take(FeatureEncoder.ClassCount).Select(n => "class_" + n.ToLowerInvariant()));
        names.AddRange(PrimitiveChain.All.Select(c => "chain_" + c.ToString()));
        return [.. names];
    }
}
