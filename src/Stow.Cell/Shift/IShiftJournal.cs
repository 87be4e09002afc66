using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;

namespace Stow.Cell.Shift;

/// <summary>
/// The inventory journal as the shift uses it: every inducted item ends in exactly one place.
/// Each call is one durable transaction. Called from the shift thread only.
/// </summary>
public interface IShiftJournal
{
    /// <summary>Records a pod arriving at the station.</summary>
    void PodArrived(PodId pod, string podType);

    /// <summary>Records an item entering the buffer.</summary>
    void Inducted(Item item);

    /// <summary>Records the start of an attempt (item now in flight); returns the attempt id.</summary>
    long BeginAttempt(PodId pod, StowAction action);

    /// <summary>Records the attempt's end and the item's new place.</summary>
    void EndAttempt(long attempt, PodId pod, StowAction action, StowOutcome outcome, string reason, double duration);

    /// <summary>Records an item routed to the exception path without an attempt.</summary>
    void ToException(ItemId item, string reason);

    /// <summary>Items inducted but not in exactly one place (must be 0).</summary>
    int CountUnaccounted();
}
