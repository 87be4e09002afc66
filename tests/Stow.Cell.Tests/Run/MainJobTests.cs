using System.Text.Json;
using Stow.Cell.Cli;
using Stow.Cell.Reporting;
using Stow.Cell.Tests.Support;

namespace Stow.Cell.Tests.Run;

[Collection("Console")]
public class MainJobTests
{
    private static readonly string[] Figures =
    [
        "attempted", "stowed", "unproductive", "defect", "success_rate", "defect_rate", "unproductive_rate",
        "uph", "pods", "density_at_swap", "decision_ms_p50", "decision_ms_p99", "perception_ms_p50",
        "perception_ms_p99", "execution_provider", "loop_jitter_ms_p99", "unaccounted", "targets", "inducted", "stowed_of_inducted", "exceptions",
        "items_per_pod", "success_rate_ci95", "targets_judged", "targets_note", "loop_pacing", "loop_cycles", "loop_rate_hz", "wall_seconds",
        "buffered_at_end",
    ];

    [Fact(Timeout = 300_000)]
    public async Task A_Short_Shift_Accounts_For_Every_Item_And_Produces_Every_Figure()
    {
        using var dir = new TempDir();
        var overrides = new Dictionary<string, string?> { ["Cell:Items"] = "30", ["Cell:Catalog"] = "mixed", ["Cell:Seed"] = "7" };
        var code = await RunCommand.RunAsync(null, overrides, dir.Path, json: true);

        Assert.Equal(0, code);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("summary.json")));
        var root = summary.RootElement;
        foreach (var key in Figures)
        {
            Assert.True(root.TryGetProperty(key, out _), $"summary.json lacks '{key}'");
        }

        Assert.Equal(0, root.GetProperty("unaccounted").GetInt32());
        Assert.Equal(30, root.GetProperty("inducted").GetInt32());
        var attempted = root.GetProperty("attempted").GetInt32();
        Assert.True(attempted > 0);
        Assert.Equal(attempted, root.GetProperty("stowed").GetInt32() + root.GetProperty("unproductive").GetInt32() + root.GetProperty("defect").GetInt32());
        Assert.InRange(root.GetProperty("success_rate").GetDouble(), 0, 1);
        var stowed = root.GetProperty("stowed").GetInt32();
        var ci = root.GetProperty("success_rate_ci95").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(WilsonInterval.Compute(stowed, attempted), ci);
        Assert.InRange(root.GetProperty("success_rate").GetDouble(), ci[0], ci[1]);
        Assert.Equal(stowed / 30.0, root.GetProperty("stowed_of_inducted").GetDouble(), 12);
        // A shift that ran to the end leaves nothing in the buffer: every item was stowed or routed to exceptions.
        Assert.Equal(0, root.GetProperty("buffered_at_end").GetInt32());
        Assert.Equal(30, stowed + root.GetProperty("exceptions").GetInt32());
        Assert.Equal(stowed / (double)root.GetProperty("pods").GetInt32(), root.GetProperty("items_per_pod").GetDouble(), 12);
        // 30 items is not the default configuration: the targets are not judged, and the summary says so.
        Assert.False(root.GetProperty("targets_judged").GetBoolean());
        Assert.Equal(0, root.GetProperty("targets").GetArrayLength());
        Assert.Contains("Cell:Items = 30", root.GetProperty("targets_note").GetString(), StringComparison.Ordinal);
        // The loop runs on the virtual clock here: no jitter figure is reported.
        Assert.Equal("virtual-clock", root.GetProperty("loop_pacing").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("loop_jitter_ms_p99").ValueKind);
        Assert.True(root.GetProperty("uph").GetDouble() > 0);
        Assert.Equal(stowed * 3600.0 / root.GetProperty("sim_seconds").GetDouble(), root.GetProperty("uph").GetDouble(), 6); // the simulated clock
        Assert.Equal(JsonValueKind.Null, root.GetProperty("loop_rate_hz").ValueKind);
        Assert.True(root.GetProperty("loop_cycles").GetInt64() > 0);
        Assert.True(root.GetProperty("perception_ms_p50").GetDouble() > 0, "perception ran through the models");
        Assert.Equal("cpu", root.GetProperty("execution_provider").GetString()); // ORT's profile: the CPU provider ran every node
        Assert.True(File.Exists(dir.File("report.html")));
        Assert.True(File.Exists(dir.File("journal.db")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "logs", "stowcell.log.json")));
        var html = await File.ReadAllTextAsync(dir.File("report.html"));
        Assert.True(html.Split("<svg").Length - 1 >= 8, "the report has its eight plots");
    }

    [Fact(Timeout = 300_000)]
    public async Task The_Shift_Draws_Only_Items_Its_Pod_Type_Can_Hold()
    {
        using var dir = new TempDir();
        // Olist format: a perfume that fits a fabric-40 bin, and a 38 x 30 x 28 cm box that only fabric-24-wide's 0.40 m
        // deep bins take (fabric-40's are 0.36 m deep, 0.24 m wide, at most 0.32 m tall).
        var csv = dir.File("two-items.csv");
        await File.WriteAllTextAsync(csv,
            "product_id,product_category_name,product_weight_g,product_length_cm,product_height_cm,product_width_cm\n"
            + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1,perfumaria,225,16,10,14\n"
            + "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2,moveis_decoracao,2000,38,28,30\n");
        var run = Path.Combine(dir.Path, "run");
        var overrides = new Dictionary<string, string?> { ["Cell:Catalog"] = csv, ["Cell:Items"] = "8", ["Cell:Seed"] = "3" };

        var code = await RunCommand.RunAsync(null, overrides, run, json: true);

        Assert.Equal(0, code);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run, "summary.json")));
        Assert.Equal(8, summary.RootElement.GetProperty("inducted").GetInt32());
        // Every file the run wrote (journal, attempt records, logs) names the perfume and never the box.
        var text = string.Concat(Directory.EnumerateFiles(run, "*", SearchOption.AllDirectories).Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.Contains("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2", text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_Missing_Catalogue_File_Is_Named_And_Nothing_Runs()
    {
        using var dir = new TempDir();
        var overrides = new Dictionary<string, string?> { ["Cell:Catalog"] = "/nonexistent/items.csv" };
        var code = await RunCommand.RunAsync(null, overrides, dir.Path, json: true);

        Assert.Equal(2, code);
        Assert.False(File.Exists(dir.File("summary.json")));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Cell:Planning:ExplorationRate", "0.5")]
    [InlineData("Cell:Perception:GraphOptimization", "fastest")]
    [InlineData("Cell:Perception:Provider", "tpu")]
    [InlineData("Cell:Perception:IntraOpThreads", "-1")]
    [InlineData("Cell:Shift:PodSwapSeconds", "-1")]
    public async Task An_Out_Of_Range_Setting_Is_Refused_With_Its_Key(string key, string value)
    {
        using var dir = new TempDir();
        var err = new StringWriter();
        var old = Console.Error;
        Console.SetError(err);
        try
        {
            var code = await RunCommand.RunAsync(null, new Dictionary<string, string?> { [key] = value }, dir.Path, json: true);
            Assert.Equal(2, code);
        }
        finally
        {
            Console.SetError(old);
        }

        Assert.Contains(key, err.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 300_000)]
    public async Task A_Belt_Jam_Holds_The_Cell_Prompts_An_Operator_Over_Mqtt_And_Resumes_After_The_Ack()
    {
        using var dir = new TempDir();
        var overrides = new Dictionary<string, string?>
        {
            ["Cell:Items"] = "6",
            ["Cell:Catalog"] = "arc2017",
            ["Cell:Seed"] = "11",
            ["Cell:Perception:Mode"] = "groundtruth",
            ["Cell:Motion:Mode"] = "arm",
            ["Cell:Motion:BeltJamAtStow"] = "2",
        };
        var code = await RunCommand.RunAsync(null, overrides, dir.Path, json: true);

        Assert.Equal(0, code);
        var log = await File.ReadAllLinesAsync(Path.Combine(dir.Path, "logs", "stowcell.log.json"));
        int First(string needle) => Array.FindIndex(log, l => l.Contains(needle, StringComparison.Ordinal));
        var held = First("\"To\":\"Held\"");
        var prompt = First("(ClearJam)");
        var ack = First("simulated operator acknowledged ClearJam");
        var unheld = First("\"To\":\"Unholding\"");
        Assert.True(held >= 0, "the cell went to Held");
        Assert.True(prompt > held, "a clear-jam prompt was sent after Held");
        Assert.True(ack > prompt, "the simulated operator acknowledged it over MQTT");
        Assert.True(unheld > ack, "the cell left Held after the acknowledgement");
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("summary.json")));
        Assert.Equal(0, summary.RootElement.GetProperty("unaccounted").GetInt32());
        Assert.True(summary.RootElement.GetProperty("stowed").GetInt32() > 0, "stows went on after the jam");
    }

    /// <summary>An e-stop or a lost safety heartbeat: PackML Abort, an operator clears the cell over MQTT, then Clear, Reset, Start.</summary>
    [Theory(Timeout = 300_000)]
    [InlineData("Cell:Motion:EStopAtStow", "e-stop")]
    [InlineData("Cell:Motion:HeartbeatLossAtStow", "safety heartbeat lost")]
    public async Task A_Safety_Stop_Aborts_The_Cell_And_After_Clear_Reset_Start_The_Shift_Goes_On(string faultKey, string reason)
    {
        using var dir = new TempDir();
        var overrides = new Dictionary<string, string?>
        {
            ["Cell:Items"] = "6",
            ["Cell:Catalog"] = "arc2017",
            ["Cell:Seed"] = "11",
            ["Cell:Perception:Mode"] = "groundtruth",
            ["Cell:Motion:Mode"] = "arm",
            [faultKey] = "2",
        };
        var code = await RunCommand.RunAsync(null, overrides, dir.Path, json: true);

        Assert.Equal(0, code);
        var log = await File.ReadAllLinesAsync(Path.Combine(dir.Path, "logs", "stowcell.log.json"));
        int First(string needle, int from = 0)
        {
            var i = Array.FindIndex(log, from, l => l.Contains(needle, StringComparison.Ordinal));
            Assert.True(i >= 0, $"log has no line with {needle} after line {from}");
            return i;
        }

        var aborted = First("\"To\":\"Aborted\"");
        var why = First(reason, aborted);
        var ack = First("simulated operator acknowledged ClearJam", why);
        var stopped = First("\"To\":\"Stopped\"", ack);
        var idle = First("\"To\":\"Idle\"", stopped);
        First("\"To\":\"Execute\"", idle);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("summary.json")));
        Assert.Equal(0, summary.RootElement.GetProperty("unaccounted").GetInt32());
        Assert.True(summary.RootElement.GetProperty("stowed").GetInt32() > 1, "stows went on after the abort");
    }
}
