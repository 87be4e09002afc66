using Stow.Core.Ids;

namespace Stow.Cell.Journal;

/// <summary>An inducted item and where it is now.</summary>
/// <param name="Id">Item id.</param>
/// <param name="Name">Name at induct.</param>
/// <param name="Mass">Measured mass [kg].</param>
/// <param name="Location">Current location (exactly one per item).</param>
/// <param name="NeedsVerification">True when it was in flight at a restart and an operator must verify where it is.</param>
/// <param name="InductedAt">UTC time of induct.</param>
/// <param name="UpdatedAt">UTC time of the last change.</param>
public sealed record ItemRecord(
    ItemId Id, string Name, double Mass, ItemLocation Location, bool NeedsVerification,
    DateTimeOffset InductedAt, DateTimeOffset UpdatedAt);
