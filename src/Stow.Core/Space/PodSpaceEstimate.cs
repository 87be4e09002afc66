namespace Stow.Core.Space;

using Stow.Core.Ids;

/// <summary>Space estimates for every bin of a pod face, with the capture time of the frames. Immutable.</summary>
/// <param name="Pod">Which pod.</param>
/// <param name="CaptureTime">Capture time [s] of the frames the estimates came from.</param>
/// <param name="Bins">One estimate per bin.</param>
public sealed record PodSpaceEstimate(PodId Pod, double CaptureTime, IReadOnlyList<BinSpaceEstimate> Bins);
