using Microsoft.Data.Sqlite;
using Stow.Cell.Journal;
using Stow.Cell.Tests.Support;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Space;
using Stow.Core.Time;

namespace Stow.Cell.Tests.Journal;

public sealed class InventoryJournalTests : IDisposable
{
    private static readonly PodId Pod = new("POD-0007");
    private readonly TempDir _dir = new();
    private readonly VirtualClock _clock = new();

    public void Dispose() => _dir.Dispose();

    [Fact(Timeout = 20_000)]
    public async Task Inducted_Item_Is_In_The_Buffer_With_One_History_Entry()
    {
        await Task.Yield();
        using var j = OpenWithPod();
        j.Induct(NewItem("a"));
        var item = j.GetItem(new ItemId("a"))!;
        Assert.Equal(ItemLocation.Buffer, item.Location);
        Assert.Equal("inducted", Assert.Single(j.GetHistory(item.Id)).Note);
    }

    [Theory(Timeout = 20_000)]
    [InlineData(StowOutcome.Stowed, ItemLocationKind.Bin)]
    [InlineData(StowOutcome.Unproductive, ItemLocationKind.Buffer)]
    [InlineData(StowOutcome.Defect, ItemLocationKind.Exception)]
    public async Task Attempt_Outcome_Moves_The_Item_To_Its_Place(StowOutcome outcome, ItemLocationKind expected)
    {
        await Task.Yield();
        using var j = OpenWithPod();
        j.Induct(NewItem("a"));
        var id = j.BeginAttempt(Plan("a", "B2"));
        Assert.Equal(new ItemLocation(ItemLocationKind.InFlight, Pod, BinId.Parse("B2")), j.GetItem(new ItemId("a"))!.Location);
        _clock.Advance(4);
        j.RecordOutcome(id, outcome, new AttemptTimings(0.1, 0.02, 3.9), "why");

        var item = j.GetItem(new ItemId("a"))!;
        Assert.Equal(expected, item.Location.Kind);
        var attempt = j.GetAttempt(id)!;
        Assert.Equal((outcome, "why", 0.87, 3.9), (attempt.Outcome!.Value, attempt.Detail, attempt.PredictedSuccess, attempt.Timings.Act));
        Assert.Equal([Primitive.SweepLeft, Primitive.Stack], attempt.Chain);
        Assert.Equal(3, j.GetHistory(item.Id).Count);
        Assert.Equal(expected == ItemLocationKind.Bin ? 1 : 0, j.GetPodContents(Pod).Count);
    }

    [Fact(Timeout = 20_000)]
    public async Task Invalid_Changes_Are_Refused_And_Write_Nothing()
    {
        await Task.Yield();
        using var j = OpenWithPod();
        j.Induct(NewItem("a"));
        Assert.Throws<JournalException>(() => j.Induct(NewItem("a")));
        Assert.Throws<JournalException>(() => j.BeginAttempt(Plan("ghost", "A1")));
        Assert.Throws<JournalException>(() => j.BeginAttempt(Plan("a", "Z9")));
        Assert.Throws<JournalException>(() => j.BeginAttempt(Plan("a", "A1") with { PredictedSuccess = 1.5 }));
        var id = j.BeginAttempt(Plan("a", "A1"));
        Assert.Throws<JournalException>(() => j.BeginAttempt(Plan("a", "A1")));
        Assert.Throws<JournalException>(() => j.RecordOutcome(id, StowOutcome.Interrupted, AttemptTimings.None));
        j.RecordOutcome(id, StowOutcome.Stowed, AttemptTimings.None);
        Assert.Throws<JournalException>(() => j.RecordOutcome(id, StowOutcome.Defect, AttemptTimings.None));
        Assert.Throws<JournalException>(() => j.RecordOutcome(999, StowOutcome.Defect, AttemptTimings.None));

        Assert.Equal(ItemLocation.InBin(Pod, BinId.Parse("A1")), j.GetItem(new ItemId("a"))!.Location);
        Assert.Equal(3, j.GetHistory(new ItemId("a")).Count);
        Assert.Single(j.GetAttempts(new ItemId("a")));
    }

    [Fact(Timeout = 20_000)]
    public async Task Item_In_Flight_At_Start_Up_Is_Flagged_For_Verification_Never_Dropped()
    {
        await Task.Yield();
        var path = _dir.File("j.db");
        long attempt;
        using (var j = OpenWithPod(path))
        {
            j.Induct(NewItem("a"));
            j.Induct(NewItem("b"));
            attempt = j.BeginAttempt(Plan("a", "C3"));
        }

        using (var j = InventoryJournal.Open(path, _clock))
        {
            var r = j.ReconcileAtStartup();
            Assert.Equal([new ItemId("a")], r.Flagged);
            Assert.Equal(1, r.InterruptedAttempts);
            var a = j.GetItem(new ItemId("a"))!;
            Assert.True(a.NeedsVerification);
            Assert.Equal(ItemLocationKind.InFlight, a.Location.Kind);
            Assert.Equal(StowOutcome.Interrupted, j.GetAttempt(attempt)!.Outcome);
            Assert.Throws<JournalException>(() => j.BeginAttempt(Plan("a", "C3")));

            var again = j.ReconcileAtStartup();
            Assert.Empty(again.Flagged);
            Assert.Equal([new ItemId("a")], again.AwaitingVerification);

            j.ResolveVerification(new ItemId("a"), ItemLocation.InBin(Pod, BinId.Parse("C3")), "seen in C3");
            Assert.False(j.GetItem(new ItemId("a"))!.NeedsVerification);
            Assert.Single(j.GetPodContents(Pod));
            Assert.Throws<JournalException>(() => j.ResolveVerification(new ItemId("a"), ItemLocation.Buffer, "twice"));
            Assert.Equal(ItemLocation.Buffer, j.GetItem(new ItemId("b"))!.Location);
        }
    }

    [Fact(Timeout = 20_000)]
    public async Task Journal_File_Is_In_Wal_Mode_With_Full_Sync()
    {
        await Task.Yield();
        var path = _dir.File("j.db");
        using (var j = OpenWithPod(path))
        {
            j.Induct(NewItem("a"));
            Assert.Equal("ok", j.CheckIntegrity());
            Assert.Equal(("wal", 2), j.GetDurability());
        }

        using var conn = new SqliteConnection($"Data Source={path};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar()); // persistent in the file
    }

    [Fact(Timeout = 20_000)]
    public async Task Journal_Command_Shows_Pod_Contents_And_Item_History()
    {
        await Task.Yield();
        var path = _dir.File("j.db");
        using (var j = OpenWithPod(path))
        {
            j.Induct(NewItem("a"));
            j.RecordOutcome(j.BeginAttempt(Plan("a", "B2")), StowOutcome.Stowed, AttemptTimings.None);
        }

        var pod = new StringWriter();
        Assert.Equal(0, Stow.Cell.Cli.JournalCommand.Run(path, "POD-0007", null, false, pod, new StringWriter()));
        Assert.Contains("B2   a [", pod.ToString(), StringComparison.Ordinal);
        var item = new StringWriter();
        Assert.Equal(0, Stow.Cell.Cli.JournalCommand.Run(path, null, "a", true, item, new StringWriter()));
        using var doc = System.Text.Json.JsonDocument.Parse(item.ToString());
        Assert.Equal("Bin POD-0007/B2", doc.RootElement.GetProperty("Item").GetProperty("Location").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("History").GetArrayLength());
        Assert.Equal(2, Stow.Cell.Cli.JournalCommand.Run(path, null, "nope", false, new StringWriter(), new StringWriter()));
        Assert.Equal(1, Stow.Cell.Cli.JournalCommand.Run(_dir.File("absent.db"), null, null, false, new StringWriter(), new StringWriter()));
    }

    private InventoryJournal OpenWithPod(string? path = null)
    {
        var j = InventoryJournal.Open(path ?? _dir.File("j.db"), _clock);
        j.ReconcileAtStartup();
        j.RegisterPod(Pod, "fabric-40", Enumerable.Range(0, 5).SelectMany(r => Enumerable.Range(0, 8).Select(c => new BinId(r, c))));
        return j;
    }

    private static Item NewItem(string id) =>
        new(new ItemId(id), "thing " + id, new ItemDimensions(0.2, 0.1, 0.05), 0.4, PackagingClass.Box, false, "", "test");

    private static AttemptPlan Plan(string item, string bin) =>
        new(new ItemId(item), Pod, BinId.Parse(bin), [Primitive.SweepLeft, Primitive.Stack], 0.87, "{\"planner\":\"test\"}");
}
