using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Stow.Cell.Journal;
using Stow.Core.Time;
using Stow.Tools.Cli;
using Stow.Tools.Tests.Support;

namespace Stow.Tools.Tests.Live;

/// <summary>
/// The live configuration end to end, in real processes over real sockets and ptys: the simulator serves every device of
/// <c>config/cell.live.json</c> from its own process, and the cell drives them through their drivers with no simulator
/// assembly in its process.
/// </summary>
[Collection(LiveCellCollection.Name)]
public sealed class LiveCellTests
{
    [Fact(Timeout = 300_000)]
    public async Task A_Live_Cell_Stows_Against_Sim_Serve_With_A_Consistent_Journal_And_No_Simulator_Assembly_Loaded()
    {
        using var live = new LiveCellProcesses();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(280));
        var ready = await live.StartServerAsync(deadline.Token);
        Assert.Contains("arm=rtde:127.0.0.1:", ready, StringComparison.Ordinal);
        Assert.Contains("eoat=" + Path.Combine(live.Directory, "eoat.tty"), ready, StringComparison.Ordinal);
        Assert.Contains("operator=mqtt:127.0.0.1:", ready, StringComparison.Ordinal);
        var report = Path.Combine(live.Directory, "run");
        var assemblies = Path.Combine(live.Directory, "assemblies.txt");

        var (code, stdout, stderr) = await live.RunCellAsync(["--items", "5", "--json", "--out", report, "--loaded-assemblies", assemblies], deadline.Token);

        Assert.True(code == 0, $"stowcell run exited {code}: {stderr}");
        var summary = JsonNode.Parse(stdout)!;
        Assert.True((int)summary["attempted"]! > 0, stdout);
        Assert.Equal(0, (int)summary["unaccounted"]!);
        Assert.Equal("wall-clock", (string?)summary["loop_pacing"]);
        Assert.NotNull(summary["loop_jitter_ms_p99"]);
        Assert.True((long)summary["loop_cycles"]! > 0, stdout);
        Assert.True((double?)summary["loop_rate_hz"] > 0, stdout);

        // The loop runs in real time, paced by the controller: UPH is per hour of the shift's wall time.
        var wall = (double)summary["wall_seconds"]!;
        Assert.True(wall > 0, stdout);
        Assert.Equal((int)summary["stowed"]! * 3600.0 / wall, (double)summary["uph"]!, 6);
        Assert.Null(summary["outcome_agreement"]); // no scorer on a live cell
        using (var journal = InventoryJournal.Open(Path.Combine(report, "journal.db"), new VirtualClock(), NullLogger.Instance))
        {
            var reconciled = journal.ReconcileAtStartup();
            Assert.Empty(reconciled.Flagged);
            Assert.Equal(0, reconciled.InterruptedAttempts);
        }

        var loaded = await File.ReadAllLinesAsync(assemblies, deadline.Token);
        Assert.Contains(loaded, l => l.Contains("Stow.Hardware", StringComparison.Ordinal));
        Assert.DoesNotContain(loaded, l => l.Contains("Stow.Sim", StringComparison.Ordinal));

        var (serveCode, serveErr) = await live.StopServerAsync(deadline.Token);
        Assert.True(serveCode == 0, serveErr);
        Assert.Contains("stopped", serveErr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_Device_That_Does_Not_Answer_Stops_The_Run_Before_Anything_Moves_With_One_Line()
    {
        using var live = new LiveCellProcesses(); // no server on these endpoints
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(100));

        var (code, _, stderr) = await live.RunCellAsync(["--items", "5", "--json", "--out", Path.Combine(live.Directory, "run")], deadline.Token);

        Assert.Equal(2, code);
        var line = Assert.Single(ErrorLines(stderr));
        Assert.Contains(LiveCellProcesses.Config + ":", line, StringComparison.Ordinal);
        Assert.Contains("field hardware:components:0", line, StringComparison.Ordinal);
        Assert.Contains("'arm' stayed Unconfigured", line, StringComparison.Ordinal);
        Assert.Contains("RTDE port", line, StringComparison.Ordinal);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("type", "ur.armm", "hardware:components:0:type", "unknown type 'ur.armm'")]
    [InlineData("params.device", null, "hardware:components:2:params:device", "device")]
    public async Task A_Bad_Live_Configuration_Names_The_File_The_Field_And_What_Is_Wrong(string key, string? value, string field, string what)
    {
        using var live = new LiveCellProcesses();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(100));
        var root = JsonNode.Parse(await File.ReadAllTextAsync(LiveCellProcesses.Config, deadline.Token))!;
        var bad = Path.Combine(live.Directory, "cell.bad.json");
        root["Cell"]!["Motion"]!["Hardware"] = bad;
        var index = field.Split(':')[2];
        var component = root["hardware"]!["components"]![int.Parse(index, System.Globalization.CultureInfo.InvariantCulture)]!.AsObject();
        if (key == "type")
        {
            component["type"] = value;
        }
        else
        {
            component["params"]!.AsObject().Remove("device");
        }

        await File.WriteAllTextAsync(bad, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), deadline.Token);

        var (code, _, stderr) = await live.RunCellAsync(["--items", "5", "--json", "--out", Path.Combine(live.Directory, "run")], deadline.Token, bad, withEndpoints: false);

        Assert.Equal(2, code);
        var line = Assert.Single(ErrorLines(stderr));
        Assert.Contains(bad + ":", line, StringComparison.Ordinal);
        Assert.Contains("field " + field, line, StringComparison.Ordinal);
        Assert.Contains(what, line, StringComparison.Ordinal);
    }

    /// <summary>stderr lines other than the run's opening line.</summary>
    private static string[] ErrorLines(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.Contains(" items (", StringComparison.Ordinal)).ToArray();
}
