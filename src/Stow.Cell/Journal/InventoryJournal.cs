using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Time;

namespace Stow.Cell.Journal;

/// <summary>
/// The crash-safe inventory journal on SQLite (WAL, <c>synchronous=FULL</c>): pods, bins, inducted items,
/// every attempt and each item's location (exactly one: a bin of a pod, the exception path, the buffer, or
/// in flight). Each change in an item's state is one transaction, so a crash at any instant leaves every
/// item in its last committed place; <see cref="ReconcileAtStartup"/> flags items left in flight for an
/// operator (<see cref="ResolveVerification"/>), never dropping them.
/// </summary>
/// <remarks>
/// Threading: every member is thread-safe (one connection behind a lock). Writes block until SQLite has
/// synced the WAL (milliseconds): call them from orchestration, never from the control loop.
/// Errors: a change that breaks an invariant throws <see cref="JournalException"/> and writes nothing;
/// SQLite failures surface as <see cref="SqliteException"/>. Lifecycle: <see cref="Open"/>, then
/// <see cref="ReconcileAtStartup"/> once before the first write, <see cref="Dispose"/> at shutdown.
/// Source: SQLite WAL and synchronous semantics, https://www.sqlite.org/wal.html and pragma.html#pragma_synchronous.
/// </remarks>
public sealed partial class InventoryJournal : IDisposable
{
    private readonly object _gate = new();
    private readonly SqliteConnection _conn;
    private readonly IClock _clock;
    private readonly ILogger _logger;

    private InventoryJournal(SqliteConnection conn, IClock clock, ILogger logger)
    {
        _conn = conn;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Path of the database file.</summary>
    public string Path => _conn.DataSource;

    /// <summary>
    /// Opens (creating when absent, unless <paramref name="readOnly"/>) the journal at <paramref name="path"/>,
    /// sets WAL and <c>synchronous=FULL</c> and creates the schema. Does not reconcile.
    /// </summary>
    /// <exception cref="JournalException">Read-only and the file is absent, or the schema version is newer.</exception>
    public static InventoryJournal Open(string path, IClock clock, ILogger? logger = null, bool readOnly = false)
    {
        if (readOnly && !File.Exists(path))
        {
            throw new JournalException($"no journal at '{path}'");
        }

        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var conn = new SqliteConnection(cs.ToString());
        try
        {
            conn.Open();
            Exec(conn, "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;");
            if (!readOnly)
            {
                var mode = Convert.ToString(Scalar(conn, "PRAGMA journal_mode = WAL;"), CultureInfo.InvariantCulture);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new JournalException($"journal '{path}' could not switch to WAL (journal_mode={mode})");
                }

                Exec(conn, "PRAGMA synchronous = FULL;");
                var version = Convert.ToInt32(Scalar(conn, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
                if (version > JournalSchema.Version)
                {
                    throw new JournalException($"journal '{path}' has schema {version}, newer than {JournalSchema.Version}");
                }

                Exec(conn, JournalSchema.Create);
            }

            return new InventoryJournal(conn, clock, logger ?? NullLogger.Instance);
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    /// <summary>Registers a pod and its bins (idempotent: known ones are kept). One transaction.</summary>
    public void RegisterPod(PodId pod, string podType, IEnumerable<BinId> bins) => Write(tx =>
    {
        Run(tx, "INSERT OR IGNORE INTO pods(pod_id, pod_type, registered_at) VALUES($p, $t, $at)",
            ("$p", pod.Value), ("$t", podType), ("$at", Stamp()));
        foreach (var b in bins)
        {
            Run(tx, "INSERT OR IGNORE INTO bins(pod_id, bin_id) VALUES($p, $b)", ("$p", pod.Value), ("$b", b.ToString()));
        }

        return 0;
    });

    /// <summary>Records a scanned item as inducted: it is now in the buffer. One transaction.</summary>
    /// <exception cref="JournalException">The id was inducted before.</exception>
    public void Induct(Item item) => Write(tx =>
    {
        if (ReadState(tx, item.Id) is not null)
        {
            throw new JournalException($"item {item.Id} was already inducted");
        }

        var now = Stamp();
        Run(tx, """
            INSERT INTO items(item_id, name, length_m, width_m, height_m, mass_kg, location, inducted_at, updated_at)
            VALUES($i, $n, $l, $w, $h, $m, 'Buffer', $at, $at)
            """,
            ("$i", item.Id.Value), ("$n", item.Name), ("$l", item.Dimensions.Length), ("$w", item.Dimensions.Width),
            ("$h", item.Dimensions.Height), ("$m", item.Mass), ("$at", now));
        AddEvent(tx, item.Id, null, ItemLocation.Buffer, null, "inducted", now);
        return 0;
    });

    /// <summary>
    /// Begins an attempt: the item leaves the buffer and is in flight towards the planned bin. One transaction.
    /// </summary>
    /// <returns>The attempt id, to pass to <see cref="RecordOutcome"/>.</returns>
    /// <exception cref="JournalException">Item unknown, not in the buffer, or awaiting verification; bin not registered;
    /// predicted success outside [0, 1].</exception>
    public long BeginAttempt(AttemptPlan plan) => Write(tx =>
    {
        if (!(plan.PredictedSuccess is >= 0 and <= 1))
        {
            throw new JournalException($"predicted success {plan.PredictedSuccess} is not in [0, 1]");
        }

        var (loc, flagged) = ReadState(tx, plan.Item) ?? throw new JournalException($"item {plan.Item} was never inducted");
        if (loc.Kind != ItemLocationKind.Buffer || flagged)
        {
            throw new JournalException($"item {plan.Item} is {loc}{(flagged ? " (awaiting verification)" : "")}, not in the buffer");
        }

        RequireBin(tx, plan.Pod, plan.Bin);
        var now = Stamp();
        var id = Convert.ToInt64(Scalar(tx, """
            INSERT INTO attempts(item_id, pod_id, bin_id, chain, predicted_p, plan, started_at)
            VALUES($i, $p, $b, $c, $pp, $plan, $at) RETURNING attempt_id
            """,
            ("$i", plan.Item.Value), ("$p", plan.Pod.Value), ("$b", plan.Bin.ToString()),
            ("$c", string.Join(',', plan.Chain)), ("$pp", plan.PredictedSuccess), ("$plan", plan.Plan), ("$at", now)),
            CultureInfo.InvariantCulture);
        var to = new ItemLocation(ItemLocationKind.InFlight, plan.Pod, plan.Bin);
        SetLocation(tx, plan.Item, to, false, now);
        AddEvent(tx, plan.Item, loc, to, id, string.Create(CultureInfo.InvariantCulture, $"attempt {id} begun"), now);
        return id;
    });

    /// <summary>
    /// Ends an open attempt: Stowed puts the item in the target bin, Unproductive back in the buffer, Defect on
    /// the exception path. One transaction.
    /// </summary>
    /// <exception cref="JournalException">Unknown or already ended attempt; <see cref="StowOutcome.Interrupted"/> given.</exception>
    public void RecordOutcome(long attemptId, StowOutcome outcome, AttemptTimings timings, string detail = "") => Write(tx =>
    {
        if (outcome is not (StowOutcome.Stowed or StowOutcome.Unproductive or StowOutcome.Defect))
        {
            throw new JournalException($"outcome {outcome} cannot be recorded by the cell");
        }

        var attempt = ReadAttempt(tx, attemptId) ?? throw new JournalException($"attempt {attemptId} does not exist");
        if (attempt.Outcome is not null)
        {
            throw new JournalException($"attempt {attemptId} already ended ({attempt.Outcome})");
        }

        var (from, _) = ReadState(tx, attempt.Item)!.Value;
        var now = Stamp();
        Run(tx, """
            UPDATE attempts SET ended_at = $at, outcome = $o, detail = $d, perceive_s = $tp, decide_s = $td, act_s = $ta
            WHERE attempt_id = $id
            """,
            ("$at", now), ("$o", outcome.ToString()), ("$d", detail), ("$tp", Real(timings.Perceive)),
            ("$td", Real(timings.Decide)), ("$ta", Real(timings.Act)), ("$id", attemptId));
        var to = outcome switch
        {
            StowOutcome.Stowed => ItemLocation.InBin(attempt.Pod, attempt.Bin),
            StowOutcome.Unproductive => ItemLocation.Buffer,
            _ => ItemLocation.Exception,
        };
        SetLocation(tx, attempt.Item, to, false, now);
        AddEvent(tx, attempt.Item, from, to, attemptId,
            string.Create(CultureInfo.InvariantCulture, $"attempt {attemptId} {outcome}{(detail.Length > 0 ? ": " + detail : "")}"), now);
        return 0;
    });

    /// <summary>
    /// Routes a buffered item to the exception path without an attempt (e.g. too many unproductive attempts).
    /// One transaction.
    /// </summary>
    /// <exception cref="JournalException">Item unknown, not in the buffer, or awaiting verification.</exception>
    public void SendToException(ItemId item, string reason) => Write(tx =>
    {
        var (loc, flagged) = ReadState(tx, item) ?? throw new JournalException($"item {item} was never inducted");
        if (loc.Kind != ItemLocationKind.Buffer || flagged)
        {
            throw new JournalException($"item {item} is {loc}, not in the buffer");
        }

        var now = Stamp();
        SetLocation(tx, item, ItemLocation.Exception, false, now);
        AddEvent(tx, item, loc, ItemLocation.Exception, null, "to exception path: " + reason, now);
        return 0;
    });

    /// <summary>
    /// Start-up reconciliation: every open attempt is closed as <see cref="StowOutcome.Interrupted"/> and its
    /// item, still in flight, is flagged for an operator to verify (one transaction per item). Idempotent.
    /// Logs a warning per flagged item.
    /// </summary>
    public ReconcileResult ReconcileAtStartup()
    {
        var inFlight = Read(() => Query(null,
            "SELECT item_id FROM items WHERE location = 'InFlight' AND needs_verification = 0 ORDER BY item_id",
            r => new ItemId(r.GetString(0))));
        var interrupted = 0;
        foreach (var item in inFlight)
        {
            interrupted += Write(tx =>
            {
                var (loc, _) = ReadState(tx, item)!.Value;
                var now = Stamp();
                var closed = Run(tx, """
                    UPDATE attempts SET ended_at = $at, outcome = 'Interrupted', detail = $d
                    WHERE item_id = $i AND outcome IS NULL
                    """, ("$at", now), ("$d", "process stopped during the attempt"), ("$i", item.Value));
                SetLocation(tx, item, loc, true, now);
                AddEvent(tx, item, loc, loc, null, "flagged: in flight at start-up, operator to verify", now);
                return closed;
            });
            _logger.LogWarning("Journal: item {Item} was in flight at start-up; flagged for an operator to verify", item);
        }

        // An open attempt whose item is not in flight cannot be produced by this class; close it loudly if found.
        interrupted += Write(tx => Run(tx, """
            UPDATE attempts SET ended_at = $at, outcome = 'Interrupted', detail = 'open attempt without an item in flight'
            WHERE outcome IS NULL
            """, ("$at", Stamp())));
        var awaiting = Read(() => Query(null, "SELECT item_id FROM items WHERE needs_verification = 1 ORDER BY item_id",
            r => new ItemId(r.GetString(0))));
        if (awaiting.Count > 0)
        {
            _logger.LogWarning("Journal: {Count} item(s) await operator verification", awaiting.Count);
        }

        return new ReconcileResult(inFlight, interrupted, awaiting);
    }

    /// <summary>
    /// Records where an operator found an item flagged for verification (buffer, a bin, or the exception path)
    /// and clears the flag. One transaction.
    /// </summary>
    /// <exception cref="JournalException">Item unknown or not flagged; <paramref name="actual"/> is InFlight; bin not registered.</exception>
    public void ResolveVerification(ItemId item, ItemLocation actual, string note) => Write(tx =>
    {
        var (loc, flagged) = ReadState(tx, item) ?? throw new JournalException($"item {item} was never inducted");
        if (!flagged)
        {
            throw new JournalException($"item {item} is not awaiting verification");
        }

        if (actual.Kind == ItemLocationKind.InFlight)
        {
            throw new JournalException("an operator cannot verify an item as in flight");
        }

        if (actual.Kind == ItemLocationKind.Bin)
        {
            RequireBin(tx, actual.Pod ?? throw new JournalException("a bin location needs a pod"),
                actual.Bin ?? throw new JournalException("a bin location needs a bin"));
        }

        var now = Stamp();
        SetLocation(tx, item, actual, false, now);
        AddEvent(tx, item, loc, actual, null, "verified by operator: " + note, now);
        return 0;
    });

    /// <summary>Closes the connection (every committed change is already durable).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _conn.Dispose();
        }
    }
}
