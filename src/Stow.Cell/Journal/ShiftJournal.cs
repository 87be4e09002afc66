using System.Globalization;
using System.Text.Json;
using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;

namespace Stow.Cell.Journal;

/// <summary>
/// <see cref="IShiftJournal"/> (the shift's port) over an <see cref="InventoryJournal"/>. Pods are registered with
/// the bins <paramref name="binsOfPodType"/> gives for their type; a target bin not yet known is registered before
/// its attempt. Each call is one durable transaction (two when a bin is registered first). Errors:
/// <see cref="JournalException"/> as the journal throws them. Thread-safe as the journal is.
/// </summary>
/// <param name="journal">The journal (already reconciled at start-up).</param>
/// <param name="binsOfPodType">Bins of a pod type by name (e.g. from <c>PodTypeLoader</c>); null to register bins as used.</param>
public sealed class ShiftJournal(InventoryJournal journal, Func<string, IEnumerable<BinId>>? binsOfPodType = null) : IShiftJournal
{
    private readonly Dictionary<PodId, string> _podTypes = [];

    /// <summary>The journal written.</summary>
    public InventoryJournal Journal { get; } = journal;

    /// <inheritdoc />
    public void PodArrived(PodId pod, string podType)
    {
        lock (_podTypes)
        {
            _podTypes[pod] = podType;
        }

        Journal.RegisterPod(pod, podType, binsOfPodType?.Invoke(podType) ?? []);
    }

    /// <inheritdoc />
    public void Inducted(Item item) => Journal.Induct(item);

    /// <inheritdoc />
    public long BeginAttempt(PodId pod, StowAction action)
    {
        if (!Journal.GetBins(pod).Contains(action.Bin))
        {
            string type;
            lock (_podTypes)
            {
                type = _podTypes.GetValueOrDefault(pod, "unknown");
            }

            Journal.RegisterPod(pod, type, [action.Bin]);
        }

        var plan = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["chain"] = action.ChainText,
            ["orientation"] = action.Orientation.ToString(),
            ["exploration"] = action.Exploration,
        });
        return Journal.BeginAttempt(new AttemptPlan(action.Item.Id, pod, action.Bin, action.Chain, action.PredictedP, plan));
    }

    /// <inheritdoc />
    /// <remarks><paramref name="duration"/> [s] is recorded as the act time of the attempt.</remarks>
    public void EndAttempt(long attempt, PodId pod, StowAction action, StowOutcome outcome, string reason, double duration) =>
        Journal.RecordOutcome(attempt, outcome, new AttemptTimings(double.NaN, double.NaN, duration), reason);

    /// <inheritdoc />
    public void ToException(ItemId item, string reason) => Journal.SendToException(item, reason);

    /// <inheritdoc />
    public int CountUnaccounted() => Journal.CountUnaccounted();

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ShiftJournal({Journal.Path})");
}
