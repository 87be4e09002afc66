using System.Diagnostics;
using Stow.Cell.Journal;
using Stow.Tools.Tests.Support;
using Stow.Core.Ids;
using Stow.Core.Time;
using Xunit.Abstractions;

namespace Stow.Tools.Tests.Journal;

/// <summary>
/// Kills a child process (hidden <c>stowtools journal-stress</c>) that runs stow cycles on the journal with
/// SIGKILL at seeded random points, restarts, and checks after every kill that each inducted item is
/// accounted for exactly once: in its last confirmed place or one committed step beyond it, or flagged in
/// flight for an operator to verify.
/// </summary>
public sealed class JournalCrashConsistencyTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 55;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact(Timeout = 300_000)]
    public async Task Every_Item_Is_Accounted_For_Exactly_Once_After_Each_Of_55_Sigkills()
    {
        var db = _dir.File("journal.db");
        var rng = new Random(20261122);
        var confirmed = new Dictionary<ItemId, ItemLocationKind>();
        var linesSeen = 0;
        var flaggedSeen = 0;
        for (var run = 0; run < Kills; run++)
        {
            var killAfterLines = rng.Next(0, 45);
            var killAfterMs = rng.Next(10) == 0 ? rng.Next(0, 400) : -1;
            var lines = await RunAndKill(db, seed: rng.Next(), run, killAfterLines, killAfterMs);
            linesSeen += lines.Count;
            foreach (var line in lines.Where(l => l.StartsWith("ok ", StringComparison.Ordinal)))
            {
                var parts = line.Split(' ');
                confirmed[new ItemId(parts[1])] = Enum.Parse<ItemLocationKind>(parts[2]);
            }

            flaggedSeen += Verify(db, confirmed, run);
        }

        output.WriteLine($"{Kills} kills, {linesSeen} confirmed changes, {confirmed.Count} items, {flaggedSeen} flagged in flight");
        Assert.True(confirmed.Count > Kills, "the child made progress between kills");
        Assert.True(flaggedSeen > 0, "some kills landed mid-attempt");
    }

    private static async Task<List<string>> RunAndKill(string db, int seed, int run, int killAfterLines, int killAfterMs)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { TestPaths.StowToolsDll, "journal-stress", "--db", db, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--run", run.ToString(System.Globalization.CultureInfo.InvariantCulture), "--cycles", "1000000" })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var lines = new List<string>();
        try
        {
            var stderr = p.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            if (killAfterMs >= 0)
            {
                await Task.Delay(killAfterMs, deadline.Token); // the kill point itself, not a wait for a condition
            }
            else
            {
                var oks = -1; // the "reconciled" line counts as the 0th
                while (oks < killAfterLines)
                {
                    var line = await p.StandardOutput.ReadLineAsync(deadline.Token)
                        ?? throw new InvalidOperationException("child ended early: " + await stderr);
                    lines.Add(line);
                    oks++;
                }
            }

            p.Kill(); // SIGKILL on Unix
            while (await p.StandardOutput.ReadLineAsync(deadline.Token) is { } rest)
            {
                lines.Add(rest); // written (so committed) before the kill
            }

            await p.WaitForExitAsync(deadline.Token);
            var err = await stderr;
            Assert.True(err.Length == 0 || !err.Contains("Exception", StringComparison.Ordinal), "child failed: " + err);
        }
        finally
        {
            if (!p.HasExited)
            {
                p.Kill();
            }
        }

        return lines;
    }

    private static int Verify(string db, Dictionary<ItemId, ItemLocationKind> confirmed, int run)
    {
        using var j = InventoryJournal.Open(db, new SystemClock());
        Assert.Equal("ok", j.CheckIntegrity());
        var rec = j.ReconcileAtStartup();
        var items = j.GetItems();
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        var byId = items.ToDictionary(i => i.Id);

        foreach (var (id, last) in confirmed)
        {
            Assert.True(byId.TryGetValue(id, out var now), $"run {run}: confirmed item {id} is missing");
            Assert.True(now.Location.Kind == last || OneStepAfter(last, now.Location.Kind),
                $"run {run}: {id} confirmed {last} but journal says {now.Location}");
        }

        var unconfirmed = items.Where(i => !confirmed.ContainsKey(i.Id)).ToList();
        Assert.True(unconfirmed.Count <= 1, $"run {run}: {unconfirmed.Count} unconfirmed items");
        Assert.All(unconfirmed, i => Assert.Equal(ItemLocationKind.Buffer, i.Location.Kind));

        foreach (var i in items)
        {
            Assert.Equal(i.Location.Kind == ItemLocationKind.InFlight, i.NeedsVerification);
            Assert.DoesNotContain(j.GetAttempts(i.Id), a => a.Outcome is null);
            confirmed[i.Id] = i.Location.Kind;
        }

        var recent = items.Where(i => i.Id.Value.StartsWith($"r{run}-", StringComparison.Ordinal) || i.NeedsVerification).ToList();
        foreach (var i in run % 10 == 9 || run == Kills - 1 ? items : recent)
        {
            var h = j.GetHistory(i.Id);
            Assert.Null(h[0].From);
            Assert.Equal(ItemLocation.Buffer, h[0].To);
            for (var k = 1; k < h.Count; k++)
            {
                Assert.Equal(h[k - 1].To, h[k].From);
            }

            Assert.Equal(i.Location, h[^1].To);
        }

        var stowed = j.GetPods().Sum(p => j.GetPodContents(p.Id).Count);
        Assert.Equal(items.Count(i => i.Location.Kind == ItemLocationKind.Bin), stowed);
        return rec.Flagged.Count;
    }

    private static bool OneStepAfter(ItemLocationKind confirmed, ItemLocationKind now) => confirmed switch
    {
        ItemLocationKind.Buffer => now == ItemLocationKind.InFlight,
        ItemLocationKind.InFlight => now is ItemLocationKind.Bin or ItemLocationKind.Buffer or ItemLocationKind.Exception,
        _ => false,
    };
}
