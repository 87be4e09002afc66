namespace Stow.Planning.Candidates;

using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Planning.Risk;

/// <summary>
/// One way to stow one buffered item: which bin, which chain, which orientation, how much clearance, how likely to
/// succeed and how it scores. Immutable value type.
/// </summary>
/// <param name="ItemIndex">Index of the item in the buffer passed to the generator or policy.</param>
/// <param name="BinIndex">Index of the bin's estimate in <see cref="Stow.Core.Space.PodSpaceEstimate.Bins"/>.</param>
/// <param name="Bin">The bin.</param>
/// <param name="Orientation">Orientation of the item in the bin.</param>
/// <param name="Features">Features the success model scored (chain, clearances [m], fill, ...).</param>
/// <param name="Probability">Predicted probability of success, in [0, 1].</param>
/// <param name="Score">Decision score P · value − expected time cost [stowed-unit equivalents]; 0 until the policy scores it.</param>
public readonly record struct StowCandidate(
    int ItemIndex,
    int BinIndex,
    BinId Bin,
    ItemOrientation Orientation,
    CandidateFeatures Features,
    double Probability,
    double Score)
{
    /// <summary>The primitive chain (shortcut for <c>Features.Chain</c>).</summary>
    public PrimitiveChain Chain => Features.Chain;
}
