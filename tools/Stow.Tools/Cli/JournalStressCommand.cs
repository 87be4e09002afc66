using System.CommandLine;
using System.Globalization;
using Stow.Cell.Journal;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Space;
using Stow.Core.Time;

namespace Stow.Tools.Cli;

/// <summary>
/// Hidden <c>stowcell journal-stress --db PATH --seed N --run R --cycles C</c>: the child process of the
/// crash-consistency test. It reconciles the journal at start-up, lets a scripted "operator" verify the items
/// flagged in flight, then runs seeded stow cycles (induct, begin attempt, outcome) and prints
/// <c>ok ITEM KIND</c> on stdout after each committed change, so a test that kills it with SIGKILL knows the
/// last state it may rely on.
/// </summary>
public static class JournalStressCommand
{
    private static readonly Primitive[] Primitives = Enum.GetValues<Primitive>();

    /// <summary>Creates the (hidden) command.</summary>
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "Journal database file", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var run = new Option<int>("--run") { Description = "Run number (item ids are unique per run)", DefaultValueFactory = _ => 0 };
        var cycles = new Option<int>("--cycles") { Description = "Stow cycles to run", DefaultValueFactory = _ => 1000 };
        var cmd = new Command("journal-stress", "Crash-consistency load for the journal (test helper)") { Hidden = true };
        cmd.Options.Add(db);
        cmd.Options.Add(seed);
        cmd.Options.Add(run);
        cmd.Options.Add(cycles);
        cmd.SetAction(pr =>
        {
            Run(pr.GetValue(db)!, pr.GetValue(seed), pr.GetValue(run), pr.GetValue(cycles), Console.Out);
            return 0;
        });
        return cmd;
    }

    /// <summary>Runs the load; writes one <c>ok ITEM KIND</c> line per committed change.</summary>
    public static void Run(string dbPath, int seed, int run, int cycles, TextWriter output)
    {
        var rng = new Random(seed);
        var ci = CultureInfo.InvariantCulture;
        using var journal = InventoryJournal.Open(dbPath, new SystemClock());
        var rec = journal.ReconcileAtStartup();
        output.WriteLine(string.Create(ci, $"reconciled {rec.Flagged.Count} {rec.AwaitingVerification.Count}"));
        var pod = new PodId("POD-" + (run % 3).ToString(ci));
        var bins = Enumerable.Range(0, 5).SelectMany(r => Enumerable.Range(0, 8).Select(c => new BinId(r, c))).ToArray();
        journal.RegisterPod(pod, "fabric-40", bins);
        foreach (var id in rec.AwaitingVerification)
        {
            var attempts = journal.GetAttempts(id);
            var last = attempts.Count > 0 ? attempts[^1] : null;
            var found = rng.Next(3) switch
            {
                0 => ItemLocation.Buffer,
                1 when last is not null => ItemLocation.InBin(last.Pod, last.Bin),
                _ => ItemLocation.Exception,
            };
            journal.ResolveVerification(id, found, "found by scripted operator");
            output.WriteLine(string.Create(ci, $"ok {id} {found.Kind}"));
        }

        var buffer = new List<ItemId>(journal.GetItems().Where(i => i.Location.Kind == ItemLocationKind.Buffer).Select(i => i.Id));
        for (var c = 0; c < cycles; c++)
        {
            var item = new Item(new ItemId(string.Create(ci, $"r{run}-i{c}")), "stress item",
                new ItemDimensions(0.05 + rng.NextDouble() * 0.2, 0.05 + rng.NextDouble() * 0.1, 0.01 + rng.NextDouble() * 0.1),
                0.05 + rng.NextDouble(), PackagingClass.Box, false, "", "journal-stress");
            journal.Induct(item);
            output.WriteLine(string.Create(ci, $"ok {item.Id} Buffer"));
            buffer.Add(item.Id);

            var pick = buffer[rng.Next(buffer.Count)];
            var chain = Enumerable.Range(0, rng.Next(3)).Select(_ => Primitives[rng.Next(Primitives.Length)]).ToArray();
            var attempt = journal.BeginAttempt(new AttemptPlan(pick, pod, bins[rng.Next(bins.Length)], chain, rng.NextDouble(), "{}"));
            buffer.Remove(pick);
            output.WriteLine(string.Create(ci, $"ok {pick} InFlight"));

            var roll = rng.NextDouble();
            var outcome = roll < 0.7 ? StowOutcome.Stowed : roll < 0.9 ? StowOutcome.Unproductive : StowOutcome.Defect;
            journal.RecordOutcome(attempt, outcome, new AttemptTimings(0.1, 0.02, 4.0 + rng.NextDouble()));
            if (outcome == StowOutcome.Unproductive)
            {
                buffer.Add(pick);
            }

            output.WriteLine(string.Create(ci, $"ok {pick} {(outcome switch { StowOutcome.Stowed => "Bin", StowOutcome.Unproductive => "Buffer", _ => "Exception" })}"));
        }
    }
}
