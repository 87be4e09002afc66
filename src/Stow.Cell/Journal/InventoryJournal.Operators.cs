using System.Globalization;

namespace Stow.Cell.Journal;

/// <summary>Operator acknowledgements in the journal: one row per prompt, whichever channel it came over.</summary>
public sealed partial class InventoryJournal
{
    /// <summary>Records an acknowledgement; a second one for the same prompt id changes nothing.</summary>
    /// <returns>True when recorded; false when the prompt was already recorded as acknowledged.</returns>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The database cannot be written.</exception>
    public bool RecordAcknowledgement(OperatorAckRecord ack) => Write(tx => Run(tx,
        "INSERT OR IGNORE INTO operator_acks(prompt_id, kind, operator, channel, response, issued_at, at) VALUES($p, $k, $o, $c, $r, $i, $a)",
        ("$p", ack.PromptId), ("$k", ack.Kind), ("$o", ack.Operator), ("$c", ack.Channel), ("$r", ack.Response),
        ("$i", ack.IssuedAt.ToString("O", CultureInfo.InvariantCulture)), ("$a", ack.At.ToString("O", CultureInfo.InvariantCulture))) == 1);

    /// <summary>Every recorded acknowledgement, oldest first.</summary>
    public IReadOnlyList<OperatorAckRecord> Acknowledgements() => Read(() => Query(null,
        "SELECT prompt_id, kind, operator, channel, response, issued_at, at FROM operator_acks ORDER BY at, prompt_id",
        r => new OperatorAckRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture), DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture))));
}
