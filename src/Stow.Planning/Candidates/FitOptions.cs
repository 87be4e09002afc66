namespace Stow.Planning.Candidates;

/// <summary>
/// Clearance margins the geometric fit demands on top of the item's extents. Immutable; validated by
/// <see cref="Validate"/>.
/// </summary>
/// <remarks>
/// Defaults are engineering assumptions: the paddle belts feed the item without the paddles entering the bin,
/// so 5 mm across (y) and 5 mm vertically (z) cover the fabric bulge and the band separator's hook; 10 mm in
/// depth keeps the item's front face behind the band line (a protruding item is a defect). A perception estimate
/// with confidence c &lt; 1 widens every margin by (1 − c) · <see cref="UncertaintyMargin"/>.
/// </remarks>
public sealed record FitOptions
{
    /// <summary>Margin across the opening (y) [m], ≥ 0. Default 0.005.</summary>
    public double WidthMargin { get; init; } = 0.005;

    /// <summary>Vertical margin (z) [m], ≥ 0. Default 0.005.</summary>
    public double HeightMargin { get; init; } = 0.005;

    /// <summary>Depth margin (x) [m], ≥ 0. Default 0.010.</summary>
    public double DepthMargin { get; init; } = 0.010;

    /// <summary>Extra margin [m] on every axis at zero estimate confidence, scaled by (1 − confidence). Default 0.010.</summary>
    public double UncertaintyMargin { get; init; } = 0.010;

    /// <summary>
    /// Extra depth margin [m] at zero estimate confidence, scaled by (1 − confidence), on top of
    /// <see cref="UncertaintyMargin"/>, ≥ 0. Default 0. A camera sees a bin's depth least well (the floor in front of
    /// the contents of a bin above it, the top of contents below it), and an over-stated free depth is what leaves an
    /// item protruding past the bands, so the cell sets this from its perception's depth error (config/cell.sim.json).
    /// </summary>
    public double DepthUncertaintyMargin { get; init; }

    /// <summary>Throws when a margin is negative or not finite.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A margin is negative or not finite (named in the exception).</exception>
    public void Validate()
    {
        Check(WidthMargin, nameof(WidthMargin));
        Check(HeightMargin, nameof(HeightMargin));
        Check(DepthMargin, nameof(DepthMargin));
        Check(UncertaintyMargin, nameof(UncertaintyMargin));
        Check(DepthUncertaintyMargin, nameof(DepthUncertaintyMargin));
    }

    private static void Check(double v, string name)
    {
        if (!double.IsFinite(v) || v < 0)
        {
            throw new ArgumentOutOfRangeException(name, v, "margins must be finite and ≥ 0 m");
        }
    }
}
