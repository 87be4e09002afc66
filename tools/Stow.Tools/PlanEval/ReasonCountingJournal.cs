using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;

namespace Stow.Tools.PlanEval;

/// <summary>A <see cref="MemoryJournal"/> that also counts attempt outcomes by reason (<c>defect:protruding</c>, ...) and the distinct items attempted. Single-threaded.</summary>
internal sealed class ReasonCountingJournal : IShiftJournal
{
    private readonly MemoryJournal _inner = new();

    public SortedDictionary<string, int> Reasons { get; } = new(StringComparer.Ordinal);

    public HashSet<ItemId> AttemptedItems { get; } = [];

    public void PodArrived(PodId pod, string podType) => _inner.PodArrived(pod, podType);

    public void Inducted(Item item) => _inner.Inducted(item);

    public long BeginAttempt(PodId pod, StowAction action)
    {
        AttemptedItems.Add(action.Item.Id);
        return _inner.BeginAttempt(pod, action);
    }

    public void EndAttempt(long attempt, PodId pod, StowAction action, StowOutcome outcome, string reason, double duration)
    {
        var key = outcome == StowOutcome.Stowed ? "stowed" : $"{outcome.ToString().ToLowerInvariant()}:{reason}";
        Reasons[key] = Reasons.GetValueOrDefault(key) + 1;
        _inner.EndAttempt(attempt, pod, action, outcome, reason, duration);
    }

    public void ToException(ItemId item, string reason) => _inner.ToException(item, reason);

    public int CountUnaccounted() => _inner.CountUnaccounted();
}
