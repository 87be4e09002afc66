using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Stow.Cell.Journal;
using Stow.Core.Ids;
using Stow.Core.Time;

namespace Stow.Cell.Cli;

/// <summary>
/// <c>stowcell journal [--db PATH] [--pod ID] [--item ID] [--json]</c>: shows the inventory journal read-only:
/// a summary (pods, items per location, items awaiting verification), a pod's contents, or an item's history.
/// Exit codes: 0 shown, 1 journal absent or unreadable, 2 pod or item unknown.
/// </summary>
public static class JournalCommand
{
    /// <summary>Default journal path, relative to the working directory.</summary>
    public const string DefaultDb = "runs/journal.db";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "Journal database file", DefaultValueFactory = _ => DefaultDb };
        var pod = new Option<string?>("--pod") { Description = "Show this pod's contents, bin by bin" };
        var item = new Option<string?>("--item") { Description = "Show this item's location, history and attempts" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text" };
        var cmd = new Command("journal", "Show the inventory journal: a pod's contents or an item's history");
        cmd.Options.Add(db);
        cmd.Options.Add(pod);
        cmd.Options.Add(item);
        cmd.Options.Add(json);
        cmd.SetAction(pr => Run(pr.GetValue(db)!, pr.GetValue(pod), pr.GetValue(item), pr.GetValue(json), Console.Out, Console.Error));
        return cmd;
    }

    /// <summary>Runs the command against <paramref name="dbPath"/>, writing to <paramref name="output"/> and errors to <paramref name="error"/>.</summary>
    /// <returns>Process exit code (see the class summary).</returns>
    public static int Run(string dbPath, string? podId, string? itemId, bool asJson, TextWriter output, TextWriter error)
    {
        InventoryJournal journal;
        try
        {
            journal = InventoryJournal.Open(dbPath, new SystemClock(), readOnly: true);
        }
        catch (Exception ex) when (ex is JournalException or Microsoft.Data.Sqlite.SqliteException)
        {
            error.WriteLine($"stowcell journal: {ex.Message}");
            return 1;
        }

        using (journal)
        {
            object? view = itemId is not null ? ItemView(journal, new ItemId(itemId))
                : podId is not null ? PodView(journal, new PodId(podId))
                : SummaryView(journal);
            if (view is null)
            {
                error.WriteLine($"stowcell journal: {(itemId is not null ? "item " + itemId : "pod " + podId)} is not in {dbPath}");
                return 2;
            }

            if (asJson)
            {
                output.WriteLine(JsonSerializer.Serialize(view, Json));
            }
            else
            {
                WriteText(view, output);
            }

            return 0;
        }
    }

    private static object SummaryView(InventoryJournal j)
    {
        var items = j.GetItems();
        return new SummaryDto(
            [.. j.GetPods().Select(p => new PodDto(p.Id.Value, p.PodType, p.BinCount, p.ItemCount))],
            Enum.GetValues<ItemLocationKind>().ToDictionary(k => k.ToString(), k => items.Count(i => i.Location.Kind == k)),
            [.. items.Where(i => i.NeedsVerification).Select(i => i.Id.Value)]);
    }

    private static PodContentsDto? PodView(InventoryJournal j, PodId pod)
    {
        var p = j.GetPods().FirstOrDefault(x => x.Id == pod);
        if (p is null)
        {
            return null;
        }

        var contents = j.GetPodContents(pod);
        return new PodContentsDto(
            new PodDto(p.Id.Value, p.PodType, p.BinCount, p.ItemCount),
            [.. j.GetBins(pod).Select(b => new BinDto(b.ToString(),
                [.. contents.Where(i => i.Location.Bin == b).Select(i => new ItemDto(i.Id.Value, i.Name, i.Mass, i.Location.ToString(), i.NeedsVerification))]))]);
    }

    private static ItemHistoryDto? ItemView(InventoryJournal j, ItemId id)
    {
        var i = j.GetItem(id);
        if (i is null)
        {
            return null;
        }

        return new ItemHistoryDto(
            new ItemDto(i.Id.Value, i.Name, i.Mass, i.Location.ToString(), i.NeedsVerification),
            [.. j.GetHistory(id).Select(e => new EventDto(e.Seq, e.At, e.From?.ToString(), e.To.ToString(), e.AttemptId, e.Note))],
            [.. j.GetAttempts(id).Select(a => new AttemptDto(a.Id, a.Pod.Value, a.Bin.ToString(), string.Join(',', a.Chain),
                a.PredictedSuccess, a.Outcome?.ToString(), a.Detail, a.StartedAt, a.EndedAt,
                Nullable(a.Timings.Perceive), Nullable(a.Timings.Decide), Nullable(a.Timings.Act)))]);
    }

    private static double? Nullable(double v) => double.IsFinite(v) ? v : null;

    private static void WriteText(object view, TextWriter o)
    {
        var ci = CultureInfo.InvariantCulture;
        switch (view)
        {
            case SummaryDto s:
                o.WriteLine("Pods:");
                foreach (var p in s.Pods)
                {
                    o.WriteLine(string.Create(ci, $"  {p.Id,-16} {p.PodType,-20} bins {p.Bins,3}  items {p.Items,4}"));
                }

                o.WriteLine("Items by location:");
                foreach (var (k, n) in s.ItemsByLocation)
                {
                    o.WriteLine(string.Create(ci, $"  {k,-10} {n,6}"));
                }

                o.WriteLine(string.Create(ci, $"Awaiting operator verification: {(s.AwaitingVerification.Count == 0 ? "none" : string.Join(", ", s.AwaitingVerification))}"));
                break;
            case PodContentsDto pc:
                o.WriteLine(string.Create(ci, $"Pod {pc.Pod.Id} ({pc.Pod.PodType}): {pc.Pod.Items} item(s) in {pc.Pod.Bins} bin(s)"));
                foreach (var b in pc.Bins)
                {
                    o.WriteLine(string.Create(ci, $"  {b.Bin,-4} {(b.Items.Count == 0 ? "(empty)" : string.Join(", ", b.Items.Select(i => $"{i.Id} [{i.Name}, {i.MassKg:F3} kg]")))}"));
                }

                break;
            case ItemHistoryDto h:
                o.WriteLine(string.Create(ci, $"Item {h.Item.Id} ({h.Item.Name}, {h.Item.MassKg:F3} kg): {h.Item.Location}{(h.Item.NeedsVerification ? "  ** awaiting operator verification **" : "")}"));
                o.WriteLine("History:");
                foreach (var e in h.History)
                {
                    o.WriteLine(string.Create(ci, $"  #{e.Seq,-6} {e.At:O}  {e.From ?? "-",-22} -> {e.To,-22} {e.Note}"));
                }

                o.WriteLine("Attempts:");
                foreach (var a in h.Attempts)
                {
                    o.WriteLine(string.Create(ci, $"  {a.Id,-6} {a.Pod}/{a.Bin,-4} chain [{a.Chain}] P={a.PredictedSuccess:F3} -> {a.Outcome ?? "open"} {a.Detail}"));
                }

                break;
        }
    }

    private sealed record SummaryDto(List<PodDto> Pods, Dictionary<string, int> ItemsByLocation, List<string> AwaitingVerification);

    private sealed record PodDto(string Id, string PodType, int Bins, int Items);

    private sealed record PodContentsDto(PodDto Pod, List<BinDto> Bins);

    private sealed record BinDto(string Bin, List<ItemDto> Items);

    private sealed record ItemDto(string Id, string Name, double MassKg, string Location, bool NeedsVerification);

    private sealed record ItemHistoryDto(ItemDto Item, List<EventDto> History, List<AttemptDto> Attempts);

    private sealed record EventDto(long Seq, DateTimeOffset At, string? From, string To, long? AttemptId, string Note);

    private sealed record AttemptDto(long Id, string Pod, string Bin, string Chain, double PredictedSuccess, string? Outcome,
        string Detail, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, double? PerceiveS, double? DecideS, double? ActS);
}
