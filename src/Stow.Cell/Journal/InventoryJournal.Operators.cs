using System.Globalization;
using Microsoft.Data.Sqlite;
using Stow.Cell.Mqtt;
using Stow.Cell.Shift;
using Stow.Core.Ids;

namespace Stow.Cell.Journal;

/// <summary>
/// Operator prompts and acknowledgements in the journal: every prompt while it is open (table <c>operator_prompts</c>,
/// so that a restarted cell re-issues the ones nobody answered, with their ids), and one acknowledgement per prompt,
/// whichever channel it came over (table <c>operator_acks</c>).
/// </summary>
public sealed partial class InventoryJournal
{
    /// <summary>Records an acknowledgement and closes the prompt; a second one for the same prompt id changes nothing.</summary>
    /// <returns>True when recorded; false when the prompt was already recorded as acknowledged.</returns>
    /// <exception cref="SqliteException">The database cannot be written.</exception>
    public bool RecordAcknowledgement(OperatorAckRecord ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        var at = ack.At.ToString("O", CultureInfo.InvariantCulture);
        return Write(tx =>
        {
            var added = Run(tx,
                "INSERT OR IGNORE INTO operator_acks(prompt_id, kind, operator, channel, response, issued_at, at) VALUES($p, $k, $o, $c, $r, $i, $a)",
                ("$p", ack.PromptId), ("$k", ack.Kind), ("$o", ack.Operator), ("$c", ack.Channel), ("$r", ack.Response),
                ("$i", ack.IssuedAt.ToString("O", CultureInfo.InvariantCulture)), ("$a", at)) == 1;
            Run(tx, "UPDATE operator_prompts SET closed_at = $a, closed_how = 'acknowledged' WHERE prompt_id = $p AND closed_at IS NULL",
                ("$p", ack.PromptId), ("$a", at));
            return added;
        });
    }

    /// <summary>Every recorded acknowledgement, oldest first.</summary>
    public IReadOnlyList<OperatorAckRecord> Acknowledgements() => Read(() => Query(null,
        "SELECT prompt_id, kind, operator, channel, response, issued_at, at FROM operator_acks ORDER BY at, prompt_id",
        r => new OperatorAckRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture), DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture))));

    /// <summary>Records an issued prompt as open (idempotent: a prompt already recorded keeps its row).</summary>
    /// <exception cref="SqliteException">The database cannot be written.</exception>
    public void RecordPrompt(OperatorPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        Write(tx => Run(tx, """
            INSERT OR IGNORE INTO operator_prompts(prompt_id, kind, message, issued_at, pod_id, bin_id, item_id)
            VALUES($p, $k, $m, $i, $pod, $bin, $item)
            """,
            ("$p", prompt.Id), ("$k", prompt.Kind.ToString()), ("$m", prompt.Message), ("$i", prompt.IssuedAt.ToString("O", CultureInfo.InvariantCulture)),
            ("$pod", prompt.Pod?.Value), ("$bin", prompt.Bin?.ToString()), ("$item", prompt.Item?.Value)));
    }

    /// <summary>Closes an open prompt that the cell withdrew (nobody needs to act on it any more).</summary>
    /// <returns>True when an open prompt of that id was closed.</returns>
    /// <exception cref="SqliteException">The database cannot be written.</exception>
    public bool RecordPromptWithdrawn(string promptId) => Write(tx => Run(tx,
        "UPDATE operator_prompts SET closed_at = $a, closed_how = 'withdrawn' WHERE prompt_id = $p AND closed_at IS NULL",
        ("$p", promptId), ("$a", Stamp())) == 1);

    /// <summary>Prompts recorded as issued and neither acknowledged nor withdrawn, oldest first.</summary>
    /// <exception cref="JournalException">A row holds a prompt kind or id this build cannot read (the message names the prompt).</exception>
    public IReadOnlyList<OperatorPrompt> OpenPrompts() => Read(() => Query(null,
        "SELECT prompt_id, kind, message, issued_at, pod_id, bin_id, item_id FROM operator_prompts WHERE closed_at IS NULL ORDER BY issued_at, prompt_id",
        ReadPrompt));

    private static OperatorPrompt ReadPrompt(SqliteDataReader r)
    {
        var id = r.GetString(0);
        try
        {
            if (!Enum.TryParse<PromptKind>(r.GetString(1), ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
            {
                throw new FormatException($"kind '{r.GetString(1)}' is not a prompt kind");
            }

            return new OperatorPrompt(id, kind, r.GetString(2), DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture),
                r.IsDBNull(4) ? null : new PodId(r.GetString(4)),
                r.IsDBNull(5) ? null : BinId.Parse(r.GetString(5)),
                r.IsDBNull(6) ? null : new ItemId(r.GetString(6)));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new JournalException($"journal: operator prompt '{id}' cannot be read: {e.Message}", e);
        }
    }
}
