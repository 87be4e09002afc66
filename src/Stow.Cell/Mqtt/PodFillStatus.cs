using Stow.Core.Ids;

namespace Stow.Cell.Mqtt;

/// <summary>Fill of the pod at the face, published retained on <c>status/pod</c>; null fields are published as null (unknown).</summary>
/// <param name="Pod">Pod id, or null when unknown.</param>
/// <param name="Fill">Fraction of the pod's usable volume in use, in [0, 1].</param>
/// <param name="Bins">Number of bins, or null when unknown.</param>
/// <param name="Items">Items stowed in it, or null when unknown.</param>
/// <param name="BestPredictedSuccess">Best predicted probability of success of a next stow on this pod, in [0, 1]
/// (the pod-swap rule compares it with the swap threshold, about 0.96); NaN when unknown.</param>
public sealed record PodFillStatus(PodId? Pod, double Fill, int? Bins = null, int? Items = null, double BestPredictedSuccess = double.NaN);
