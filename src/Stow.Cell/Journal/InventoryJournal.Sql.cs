using System.Globalization;
using Microsoft.Data.Sqlite;
using Stow.Core.Ids;

namespace Stow.Cell.Journal;

/// <summary>SQL plumbing of <see cref="InventoryJournal"/>: transactions, commands, row mapping.</summary>
public sealed partial class InventoryJournal
{
    private T Write<T>(Func<SqliteTransaction, T> body)
    {
        lock (_gate)
        {
            using var tx = _conn.BeginTransaction(deferred: false);
            var result = body(tx);
            tx.Commit();
            return result;
        }
    }

    private T Read<T>(Func<T> body)
    {
        lock (_gate)
        {
            return body();
        }
    }

    private string Stamp() => _clock.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private static object Real(double v) => double.IsFinite(v) ? v : DBNull.Value;

    private static void Exec(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private SqliteCommand Command(SqliteTransaction? tx, string sql, (string Name, object? Value)[] args)
    {
        var cmd = _conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    private int Run(SqliteTransaction tx, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(tx, sql, args);
        return cmd.ExecuteNonQuery();
    }

    private object? Scalar(SqliteTransaction tx, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(tx, sql, args);
        return cmd.ExecuteScalar();
    }

    private List<T> Query<T>(SqliteTransaction? tx, string sql, Func<SqliteDataReader, T> map, params (string, object?)[] args)
    {
        using var cmd = Command(tx, sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
        {
            list.Add(map(r));
        }

        return list;
    }

    private (ItemLocation Location, bool Flagged)? ReadState(SqliteTransaction tx, ItemId item)
    {
        var rows = Query(tx, "SELECT location, pod_id, bin_id, needs_verification FROM items WHERE item_id = $i",
            r => (Location(r, 0), r.GetInt64(3) != 0), ("$i", item.Value));
        return rows.Count == 0 ? null : rows[0];
    }

    private AttemptRecord? ReadAttempt(SqliteTransaction? tx, long id) =>
        Query(tx, AttemptColumns + " WHERE attempt_id = $id", MapAttempt, ("$id", id)).FirstOrDefault();

    private void RequireBin(SqliteTransaction tx, PodId pod, BinId bin)
    {
        var n = Convert.ToInt64(Scalar(tx, "SELECT COUNT(*) FROM bins WHERE pod_id = $p AND bin_id = $b",
            ("$p", pod.Value), ("$b", bin.ToString())), CultureInfo.InvariantCulture);
        if (n == 0)
        {
            throw new JournalException($"bin {bin} of pod {pod} is not registered");
        }
    }

    private void SetLocation(SqliteTransaction tx, ItemId item, ItemLocation to, bool flagged, string now) =>
        Run(tx, """
            UPDATE items SET location = $l, pod_id = $p, bin_id = $b, needs_verification = $v, updated_at = $at
            WHERE item_id = $i
            """,
            ("$l", to.Kind.ToString()), ("$p", to.Pod?.Value), ("$b", to.Bin?.ToString()), ("$v", flagged ? 1 : 0),
            ("$at", now), ("$i", item.Value));

    private void AddEvent(SqliteTransaction tx, ItemId item, ItemLocation? from, ItemLocation to, long? attemptId, string note, string now) =>
        Run(tx, """
            INSERT INTO item_events(item_id, at, from_loc, from_pod, from_bin, to_loc, to_pod, to_bin, attempt_id, note)
            VALUES($i, $at, $fl, $fp, $fb, $tl, $tp, $tb, $a, $n)
            """,
            ("$i", item.Value), ("$at", now), ("$fl", from?.Kind.ToString()), ("$fp", from?.Pod?.Value),
            ("$fb", from?.Bin?.ToString()), ("$tl", to.Kind.ToString()), ("$tp", to.Pod?.Value), ("$tb", to.Bin?.ToString()),
            ("$a", attemptId), ("$n", note));

    private static ItemLocation Location(SqliteDataReader r, int ordinal)
    {
        var kind = Enum.Parse<ItemLocationKind>(r.GetString(ordinal));
        PodId? pod = r.IsDBNull(ordinal + 1) ? null : new PodId(r.GetString(ordinal + 1));
        BinId? bin = r.IsDBNull(ordinal + 2) ? null : BinId.Parse(r.GetString(ordinal + 2));
        return new ItemLocation(kind, pod, bin);
    }

    private static DateTimeOffset Time(SqliteDataReader r, int ordinal) =>
        DateTimeOffset.Parse(r.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static double NaNIfNull(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? double.NaN : r.GetDouble(ordinal);
}
