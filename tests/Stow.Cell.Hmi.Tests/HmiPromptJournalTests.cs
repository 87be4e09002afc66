using Stow.Cell.Journal;
using Stow.Cell.Mqtt;
using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Time;
using Microsoft.Extensions.Logging.Abstractions;

namespace Stow.Cell.Hmi.Tests;

/// <summary>Open prompts are journaled and come back, with their ids, when the cell starts again on the same journal.</summary>
public sealed class HmiPromptJournalTests
{
    [Fact(Timeout = 60_000)]
    public async Task Open_Prompts_Are_Reissued_With_Their_Ids_And_An_Hmi_Ack_Closes_Them_Once()
    {
        await using var host = await HmiHost.StartAsync();
        var path = Path.Combine(host.Dir, "journal.db");
        string open, acked, withdrawn;
        using (var journal = InventoryJournal.Open(path, new VirtualClock()))
        using (OperatorPromptJournal.Attach(host.Link, journal, NullLogger.Instance))
        {
            open = host.Link.Prompt(PromptKind.PodSwap, "Pod POD-0001 is full: swap it.", new PodId("POD-0001")).Id;
            acked = host.Link.Prompt(PromptKind.ClearJam, "Belt jam: clear it.", bin: BinId.Parse("C3")).Id;
            withdrawn = host.Link.Prompt(PromptKind.TakeExceptionItem, "Take item X.", item: new ItemId("X#1")).Id;
            Assert.Equal(HmiAckResult.Acknowledged, host.State.Acknowledge(acked, "olga"));
            Assert.True(host.Link.WithdrawPrompt(withdrawn));
            Assert.Equal([open], journal.OpenPrompts().Select(p => p.Id));
        }

        // A new cell process: a new link on the same broker, the same journal.
        await using var link = new MqttOperatorLink(new MqttOperatorOptions { CellId = "hmi-test-2", Host = "127.0.0.1", Port = host.Broker.Port }, new VirtualClock());
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await link.ConnectAsync(timeout.Token);
        }

        using (var journal = InventoryJournal.Open(path, new VirtualClock()))
        using (var prompts = OperatorPromptJournal.Attach(link, journal, NullLogger.Instance))
        {
            var again = Assert.Single(prompts.Reissued);
            Assert.Equal((open, PromptKind.PodSwap, "POD-0001"), (again.Id, again.Kind, again.Pod?.Value));
            Assert.Equal([open], link.PendingPrompts.Select(p => p.Id));
            Assert.False(link.Reissue(again)); // already pending
            Assert.True(link.Acknowledge(open, "olga", "done", "hmi"));
            Assert.False(link.Acknowledge(open, "sam", "done", "mqtt"));
            Assert.Empty(journal.OpenPrompts());
            var acks = journal.Acknowledgements();
            Assert.Equal(new[] { acked, open }.Order(StringComparer.Ordinal), acks.Select(a => a.PromptId).Order(StringComparer.Ordinal));
            Assert.Equal(("olga", "hmi"), (acks.Single(a => a.PromptId == open).Operator, acks.Single(a => a.PromptId == open).Channel));
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_Journaled_Prompt_Of_An_Unknown_Kind_Is_Named()
    {
        await Task.Yield();
        var dir = Directory.CreateTempSubdirectory("stowcell-hmi-journal-").FullName;
        var path = Path.Combine(dir, "journal.db");
        using (var journal = InventoryJournal.Open(path, new VirtualClock()))
        {
            journal.RecordPrompt(new OperatorPrompt("jam-1-abc", PromptKind.ClearJam, "Belt jam.", DateTimeOffset.UnixEpoch));
        }

        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "UPDATE operator_prompts SET kind = 'Dance'";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        using (var journal = InventoryJournal.Open(path, new VirtualClock()))
        {
            var e = Assert.Throws<JournalException>(() => journal.OpenPrompts());
            Assert.Contains("operator prompt 'jam-1-abc' cannot be read: kind 'Dance' is not a prompt kind", e.Message, StringComparison.Ordinal);
        }

        Directory.Delete(dir, recursive: true);
    }
}
