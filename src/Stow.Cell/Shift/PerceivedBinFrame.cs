using Stow.Core.Space;
using Stow.Perception.Pipeline;

namespace Stow.Cell.Shift;

/// <summary>A bin re-perceived from a camera frame.</summary>
/// <param name="Frame">The camera frame.</param>
/// <param name="BinIndex">Index of the bin on the face.</param>
/// <param name="Estimate">What perception made of it.</param>
public sealed record PerceivedBinFrame(RgbdFrame Frame, int BinIndex, BinSpaceEstimate Estimate);
