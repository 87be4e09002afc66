namespace Stow.Planning.Risk;

using Stow.Planning.Candidates;

/// <summary>
/// The prior success model: a hand-set logistic model used before attempt records exist, and as the reference the
/// learned model must beat. P = σ(z), with
/// z = <see cref="BaseLogit"/> + chain offset + class offset
///   − <see cref="TightOpeningPenalty"/> · exp(−min clearance / 10 mm)
///   − <see cref="TightDepthPenalty"/> · exp(−depth clearance / 20 mm)
///   − <see cref="FillPenalty"/> · fill fraction − <see cref="FragilePenalty"/> · fragile
///   − <see cref="HeavyPenalty"/> · max(0, mass − <see cref="HeavyMassThreshold"/>)
///   − <see cref="HighRowPenalty"/> · max(0, row height − <see cref="HighRowThreshold"/>)
///   − <see cref="FullSpacePenalty"/> · max(0, volume ratio − <see cref="FullSpaceThreshold"/>).
/// Immutable and thread-safe; <see cref="Predict"/> does not allocate.
/// </summary>
/// <remarks>
/// Every constant is an engineering assumption, not a fitted value: no public source gives per-primitive stow success
/// rates. They are set so that a plain insertion of a box with centimetres to spare into an empty bin gives ≈ 0.99,
/// each space-making step costs a few percent, and a bin about 70 % full drops a plain insertion to the default swap
/// threshold 0.96. The learned model (<see cref="LearnedSuccessModel"/>) replaces them from attempt records.
/// Chain offsets (order of <see cref="PrimitiveChain.All"/>): none 0, sweep left/right −0.4, flip −0.6, stack −0.7,
/// slot −0.6, sweep→slot −0.9, sweep→stack −1.0. Class offsets (order of <see cref="Stow.Core.Items.PackagingClass"/>):
/// box 0, book +0.2, deformable −0.1, wrapped −0.2, cylinder −0.6 (rolls), clamshell −0.4 (brittle), irregular −0.7.
/// </remarks>
public sealed class PriorSuccessModel : ISuccessModel
{
    /// <summary>Logit of a plain insertion of a box with ample clearance into an empty bin: 4.6 (P ≈ 0.990).</summary>
    public const double BaseLogit = 4.6;

    /// <summary>Logit penalty of a zero-clearance opening (decays with a 10 mm scale): 2.5.</summary>
    public const double TightOpeningPenalty = 2.5;

    /// <summary>Logit penalty of a zero-clearance depth (decays with a 20 mm scale): 0.8.</summary>
    public const double TightDepthPenalty = 0.8;

    /// <summary>Logit penalty per unit fill fraction (contents shift and bands press harder): 2.0.</summary>
    public const double FillPenalty = 2.0;

    /// <summary>Logit penalty of a fragile item: 0.6.</summary>
    public const double FragilePenalty = 0.6;

    /// <summary>Logit penalty per kg above <see cref="HeavyMassThreshold"/> (items slip on the belts): 0.25 /kg.</summary>
    public const double HeavyPenalty = 0.25;

    /// <summary>Mass above which <see cref="HeavyPenalty"/> applies [kg]: 1.0.</summary>
    public const double HeavyMassThreshold = 1.0;

    /// <summary>Logit penalty per metre of bin floor height above <see cref="HighRowThreshold"/> (arm near its reach): 0.15 /m.</summary>
    public const double HighRowPenalty = 0.15;

    /// <summary>Bin floor height above which <see cref="HighRowPenalty"/> applies [m]: 1.5.</summary>
    public const double HighRowThreshold = 1.5;

    /// <summary>Logit penalty per unit volume ratio above <see cref="FullSpaceThreshold"/>: 1.0.</summary>
    public const double FullSpacePenalty = 1.0;

    /// <summary>Volume ratio (item / free box) above which <see cref="FullSpacePenalty"/> applies: 0.7.</summary>
    public const double FullSpaceThreshold = 0.7;

    private static readonly double[] ChainOffsets = [0, -0.4, -0.4, -0.6, -0.7, -0.6, -0.9, -0.9, -1.0, -1.0];
    private static readonly double[] ClassOffsets = [0, 0.2, -0.1, -0.2, -0.6, -0.4, -0.7];

    /// <inheritdoc />
    public string Name => "prior";

    /// <summary>Chain offset of the logit for the chain at <paramref name="chainIndex"/> in <see cref="PrimitiveChain.All"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Index outside 0..9.</exception>
    public static double ChainOffset(int chainIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chainIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(chainIndex, ChainOffsets.Length);
        return ChainOffsets[chainIndex];
    }

    /// <summary>The logit z of the formula in the class summary for <paramref name="f"/> (non-finite inputs read as 0; −∞ only for absurdly large finite inputs, which <see cref="Predict"/> maps to 0).</summary>
    public static double Logit(in CandidateFeatures f)
    {
        Span<double> x = stackalloc double[FeatureEncoder.ContinuousCount];
        FeatureEncoder.WriteContinuous(f, x);
        var z = BaseLogit
            + ChainOffsets[FeatureEncoder.ChainIndex(f.Chain)]
            + ClassOffsets[FeatureEncoder.ClassIndex(f.Class)]
            - (TightOpeningPenalty * x[5])
            - (TightDepthPenalty * x[6])
            - (FillPenalty * Math.Clamp(x[7], 0, 1))
            - (FragilePenalty * x[1])
            - (HeavyPenalty * Math.Max(0, x[0] - HeavyMassThreshold))
            - (HighRowPenalty * Math.Max(0, x[8] - HighRowThreshold))
            - (FullSpacePenalty * Math.Max(0, x[9] - FullSpaceThreshold));
        return z;
    }

    /// <inheritdoc />
    public double Predict(in CandidateFeatures features) => FeatureEncoder.Sigmoid(Logit(features));
}
