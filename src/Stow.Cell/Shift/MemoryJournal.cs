using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;

namespace Stow.Cell.Shift;

/// <summary>
/// An in-memory journal for evaluations (<c>plan eval</c>, <c>risk fit</c>) where no durable record
/// is wanted: it tracks each item's one place and counts attempts. Single-threaded.
/// </summary>
public sealed class MemoryJournal : IShiftJournal
{
    private readonly Dictionary<ItemId, string> _place = [];
    private long _attempts;

    /// <summary>Each inducted item's current place (<c>buffer</c>, <c>in_flight</c>, <c>bin:POD/BIN</c>, <c>exception</c>).</summary>
    public IReadOnlyDictionary<ItemId, string> Places => _place;

    /// <inheritdoc />
    public void PodArrived(PodId pod, string podType)
    {
    }

    /// <inheritdoc />
    public void Inducted(Item item) => _place.Add(item.Id, "buffer");

    /// <inheritdoc />
    public long BeginAttempt(PodId pod, StowAction action)
    {
        _place[action.Item.Id] = "in_flight";
        return ++_attempts;
    }

    /// <inheritdoc />
    public void EndAttempt(long attempt, PodId pod, StowAction action, StowOutcome outcome, string reason, double duration) =>
        _place[action.Item.Id] = outcome switch
        {
            StowOutcome.Stowed => $"bin:{pod}/{action.Bin}",
            StowOutcome.Unproductive => "buffer",
            _ => "exception",
        };

    /// <inheritdoc />
    public void ToException(ItemId item, string reason) => _place[item] = "exception";

    /// <inheritdoc />
    public int CountUnaccounted() => _place.Values.Count(p => p == "in_flight");
}
