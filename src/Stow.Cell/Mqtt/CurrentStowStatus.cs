using Stow.Core.Ids;
using Stow.Core.Space;

namespace Stow.Cell.Mqtt;

/// <summary>The stow under way, published retained on <c>status/stow</c>.</summary>
/// <param name="AttemptId">Journal attempt id.</param>
/// <param name="Item">Item being stowed.</param>
/// <param name="Pod">Target pod.</param>
/// <param name="Bin">Target bin.</param>
/// <param name="Chain">Primitive chain.</param>
/// <param name="PredictedSuccess">Predicted probability of success, in [0, 1].</param>
public sealed record CurrentStowStatus(
    long AttemptId, ItemId Item, PodId Pod, BinId Bin, IReadOnlyList<Primitive> Chain, double PredictedSuccess);
