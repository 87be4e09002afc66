using Microsoft.Extensions.Logging;
using Stow.Cell.Mqtt;

namespace Stow.Cell.Journal;

/// <summary>
/// Makes operator prompts durable: every prompt the link issues is journaled as open, closed when acknowledged (the
/// acknowledgement recorded once, with who gave it and over which channel) or withdrawn; and at start-up the prompts
/// that an earlier run left open are re-issued on the link with their ids, so an acknowledgement given while the host
/// was away (queued in an HMI page, or retained on MQTT) finds its prompt. The new shift does not wait on re-issued
/// prompts: they are shown and acknowledged like any other, and the journal records who did it.
/// Threading: the link's events arrive on the shift thread, MQTTnet's receive task or Kestrel's threads; the journal is
/// thread-safe. Lifecycle: <see cref="Attach"/> once after the journal is reconciled, dispose to unsubscribe.
/// </summary>
public sealed class OperatorPromptJournal : IDisposable
{
    private readonly MqttOperatorLink _link;
    private readonly InventoryJournal _journal;

    private OperatorPromptJournal(MqttOperatorLink link, InventoryJournal journal)
    {
        _link = link;
        _journal = journal;
    }

    /// <summary>The prompts re-issued at attach (open in the journal from an earlier run).</summary>
    public IReadOnlyList<OperatorPrompt> Reissued { get; private set; } = [];

    /// <summary>Subscribes to <paramref name="link"/>'s prompt events and re-issues the journal's open prompts.</summary>
    /// <exception cref="JournalException">An open prompt row cannot be read (message names it).</exception>
    public static OperatorPromptJournal Attach(MqttOperatorLink link, InventoryJournal journal, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(logger);
        var j = new OperatorPromptJournal(link, journal);
        var open = journal.OpenPrompts();
        link.PromptIssued += j.OnIssued;
        link.PromptWithdrawn += j.OnWithdrawn;
        link.PromptAcknowledged += j.OnAcknowledged;
        j.Reissued = open.Where(link.Reissue).ToList();
        if (j.Reissued.Count > 0)
        {
            logger.LogWarning("journal: {Count} operator prompt(s) were open at the last stop and are issued again: {Ids}",
                j.Reissued.Count, string.Join(", ", j.Reissued.Select(p => p.Id)));
        }

        return j;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _link.PromptIssued -= OnIssued;
        _link.PromptWithdrawn -= OnWithdrawn;
        _link.PromptAcknowledged -= OnAcknowledged;
    }

    private void OnIssued(object? sender, OperatorPrompt p) => _journal.RecordPrompt(p);

    private void OnWithdrawn(object? sender, OperatorPrompt p) => _journal.RecordPromptWithdrawn(p.Id);

    private void OnAcknowledged(object? sender, PromptAcknowledgedEventArgs e) => _journal.RecordAcknowledgement(new OperatorAckRecord(
        e.Prompt.Id, e.Prompt.Kind.ToString(), e.Operator, e.Channel, e.Response, e.Prompt.IssuedAt, e.At));
}
