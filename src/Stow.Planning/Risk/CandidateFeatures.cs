namespace Stow.Planning.Risk;

using Stow.Core.Items;
using Stow.Planning.Candidates;

/// <summary>
/// What a success model sees of one candidate (item, bin, chain, orientation). Immutable value type; pass by
/// <c>in</c> on hot paths. Recorded with each attempt (<see cref="AttemptRecord"/>) so the learned model can be fitted.
/// </summary>
/// <param name="Class">Packaging class of the item.</param>
/// <param name="Mass">Item mass [kg], ≥ 0.</param>
/// <param name="Fragile">True when the item is fragile.</param>
/// <param name="ClearanceWidth">Free width left beside the item after the fit margins (y) [m], ≥ 0 for a produced candidate.</param>
/// <param name="ClearanceHeight">Free height left above the item after the fit margins (z) [m], ≥ 0 for a produced candidate.</param>
/// <param name="ClearanceDepth">Free depth left behind the item after the fit margins (x) [m], ≥ 0 for a produced candidate.</param>
/// <param name="FillFraction">Occupied share of the bin volume before the stow, in [0, 1].</param>
/// <param name="RowHeight">Height of the bin floor above the pod base [m].</param>
/// <param name="Chain">Primitive chain run before insertion.</param>
/// <param name="VolumeRatio">Item volume over the volume of the chain's free box, in [0, 1] for a produced candidate.</param>
/// <param name="LyingCylinder">True for a cylinder placed with its axis horizontal (it may roll: the simulator's roll risks).</param>
/// <param name="Leaning">True when the item may end leaning rather than resting on a face (slotted on edge into a gap).</param>
public readonly record struct CandidateFeatures(
    PackagingClass Class,
    double Mass,
    bool Fragile,
    double ClearanceWidth,
    double ClearanceHeight,
    double ClearanceDepth,
    double FillFraction,
    double RowHeight,
    PrimitiveChain Chain,
    double VolumeRatio,
    bool LyingCylinder = false,
    bool Leaning = false)
{
    /// <summary>The smaller of the width and height clearances [m]: how tight the opening is around the item.</summary>
    public double MinClearance => Math.Min(ClearanceWidth, ClearanceHeight);
}
