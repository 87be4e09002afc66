using Stow.Core.Ids;

namespace Stow.Cell.Journal;

/// <summary>A pod known to the journal.</summary>
/// <param name="Id">Pod id.</param>
/// <param name="PodType">Pod type name (config/pods).</param>
/// <param name="BinCount">Number of registered bins.</param>
/// <param name="ItemCount">Items stowed in it now.</param>
/// <param name="RegisteredAt">UTC time of first registration.</param>
public sealed record PodRecord(PodId Id, string PodType, int BinCount, int ItemCount, DateTimeOffset RegisteredAt);
