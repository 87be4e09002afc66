using Microsoft.Data.Sqlite;
using Stow.Core.Ids;
using Stow.Core.Outcomes;
using Stow.Core.Space;

namespace Stow.Cell.Journal;

/// <summary>Read side of <see cref="InventoryJournal"/>: items, pod contents, histories. Thread-safe.</summary>
public sealed partial class InventoryJournal
{
    private const string ItemColumns =
        "SELECT item_id, name, mass_kg, location, pod_id, bin_id, needs_verification, inducted_at, updated_at FROM items";

    private const string AttemptColumns = """
        SELECT attempt_id, item_id, pod_id, bin_id, chain, predicted_p, plan, started_at, ended_at, outcome, detail,
               perceive_s, decide_s, act_s FROM attempts
        """;

    /// <summary>The item, or null when it was never inducted.</summary>
    public ItemRecord? GetItem(ItemId item) =>
        Read(() => Query(null, ItemColumns + " WHERE item_id = $i", MapItem, ("$i", item.Value)).FirstOrDefault());

    /// <summary>Every inducted item, ordered by id.</summary>
    public IReadOnlyList<ItemRecord> GetItems() => Read(() => Query(null, ItemColumns + " ORDER BY item_id", MapItem));

    /// <summary>Items stowed in <paramref name="pod"/> now, ordered by bin (row, then column) then item.</summary>
    public IReadOnlyList<ItemRecord> GetPodContents(PodId pod) =>
        [.. Read(() => Query(null, ItemColumns + " WHERE location = 'Bin' AND pod_id = $p ORDER BY item_id", MapItem, ("$p", pod.Value)))
            .OrderBy(i => i.Location.Bin!.Value.Row).ThenBy(i => i.Location.Bin!.Value.Column)];

    /// <summary>Bins registered for <paramref name="pod"/>, by row then column.</summary>
    public IReadOnlyList<BinId> GetBins(PodId pod) =>
        [.. Read(() => Query(null, "SELECT bin_id FROM bins WHERE pod_id = $p", r => BinId.Parse(r.GetString(0)), ("$p", pod.Value)))
            .OrderBy(b => b.Row).ThenBy(b => b.Column)];

    /// <summary>Every change of the item's state, oldest first (empty when unknown).</summary>
    public IReadOnlyList<ItemEvent> GetHistory(ItemId item) =>
        Read(() => Query(null, """
            SELECT seq, item_id, at, from_loc, from_pod, from_bin, to_loc, to_pod, to_bin, attempt_id, note
            FROM item_events WHERE item_id = $i ORDER BY seq
            """, r => new ItemEvent(
                r.GetInt64(0), new ItemId(r.GetString(1)), Time(r, 2),
                r.IsDBNull(3) ? null : Location(r, 3), Location(r, 6),
                r.IsDBNull(9) ? null : r.GetInt64(9), r.GetString(10)), ("$i", item.Value)));

    /// <summary>Every attempt on the item, oldest first.</summary>
    public IReadOnlyList<AttemptRecord> GetAttempts(ItemId item) =>
        Read(() => Query(null, AttemptColumns + " WHERE item_id = $i ORDER BY attempt_id", MapAttempt, ("$i", item.Value)));

    /// <summary>The attempt, or null when unknown.</summary>
    public AttemptRecord? GetAttempt(long attemptId) => Read(() => ReadAttempt(null, attemptId));

    /// <summary>
    /// Items not in exactly one recorded place (a bin, the exception path, the buffer): those in flight or awaiting
    /// verification, plus any whose last history entry disagrees with its location. 0 when the journal is settled.
    /// </summary>
    public int CountUnaccounted() => Read(() => Query(null, """
        SELECT COUNT(*) FROM items i
        WHERE i.location = 'InFlight' OR i.needs_verification = 1
           OR NOT EXISTS (SELECT 1 FROM item_events e WHERE e.item_id = i.item_id
                          AND e.seq = (SELECT MAX(seq) FROM item_events WHERE item_id = i.item_id)
                          AND e.to_loc = i.location AND e.to_pod IS i.pod_id AND e.to_bin IS i.bin_id)
        """, r => r.GetInt32(0))[0]);

    /// <summary>Every pod with its bin and item counts, ordered by id.</summary>
    public IReadOnlyList<PodRecord> GetPods() => Read(() => Query(null, """
        SELECT p.pod_id, p.pod_type,
               (SELECT COUNT(*) FROM bins b WHERE b.pod_id = p.pod_id),
               (SELECT COUNT(*) FROM items i WHERE i.location = 'Bin' AND i.pod_id = p.pod_id),
               p.registered_at
        FROM pods p ORDER BY p.pod_id
        """, r => new PodRecord(new PodId(r.GetString(0)), r.GetString(1), r.GetInt32(2), r.GetInt32(3), Time(r, 4))));

    /// <summary>
    /// The durability settings in force on the journal's connection: <c>PRAGMA journal_mode</c> ("wal") and
    /// <c>PRAGMA synchronous</c> (2 = FULL: the WAL is synced at every commit).
    /// </summary>
    public (string JournalMode, int Synchronous) GetDurability() => Read(() =>
        (Query(null, "PRAGMA journal_mode", r => r.GetString(0))[0], Query(null, "PRAGMA synchronous", r => r.GetInt32(0))[0]));

    /// <summary>Runs SQLite's <c>PRAGMA integrity_check</c>; returns "ok" when the file is sound.</summary>
    public string CheckIntegrity() =>
        Read(() => string.Join("; ", Query(null, "PRAGMA integrity_check", r => r.GetString(0))));

    private static ItemRecord MapItem(SqliteDataReader r) => new(
        new ItemId(r.GetString(0)), r.GetString(1), r.GetDouble(2), Location(r, 3), r.GetInt64(6) != 0, Time(r, 7), Time(r, 8));

    private static AttemptRecord MapAttempt(SqliteDataReader r) => new(
        r.GetInt64(0), new ItemId(r.GetString(1)), new PodId(r.GetString(2)), BinId.Parse(r.GetString(3)),
        r.GetString(4).Length == 0 ? [] : [.. r.GetString(4).Split(',').Select(Enum.Parse<Primitive>)],
        r.GetDouble(5), r.GetString(6), Time(r, 7), r.IsDBNull(8) ? null : Time(r, 8),
        r.IsDBNull(9) ? null : Enum.Parse<StowOutcome>(r.GetString(9)), r.GetString(10),
        new AttemptTimings(NaNIfNull(r, 11), NaNIfNull(r, 12), NaNIfNull(r, 13)));
}
