using System.Text.Json;
using Stow.Cell.Cli;
using Stow.Cell.Tests.Support;

namespace Stow.Cell.Tests.Run;

[Collection("Console")]
public class MainJobTests
{
    private static readonly string[] Figures =
    [
        "attempted", "stowed", "unproductive", "defect", "success_rate", "defect_rate", "unproductive_rate",
        "uph", "pods", "density_at_swap", "decision_ms_p50", "decision_ms_p99", "perception_ms_p50",
        "perception_ms_p99", "loop_jitter_ms_p99", "unaccounted", "targets",
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
        Assert.True(root.GetProperty("uph").GetDouble() > 0);
        Assert.True(root.GetProperty("perception_ms_p50").GetDouble() > 0, "perception ran through the models");
        Assert.True(File.Exists(dir.File("report.html")));
        Assert.True(File.Exists(dir.File("journal.db")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "logs", "stowcell.log.json")));
        var html = await File.ReadAllTextAsync(dir.File("report.html"));
        Assert.True(html.Split("<svg").Length - 1 >= 8, "the report has its eight plots");
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

    [Fact(Timeout = 60_000)]
    public async Task An_Out_Of_Range_Setting_Is_Refused_With_Its_Key()
    {
        using var dir = new TempDir();
        var err = new StringWriter();
        var old = Console.Error;
        Console.SetError(err);
        try
        {
            var code = await RunCommand.RunAsync(null, new Dictionary<string, string?> { ["Cell:Planning:ExplorationRate"] = "0.5" }, dir.Path, json: true);
            Assert.Equal(2, code);
        }
        finally
        {
            Console.SetError(old);
        }

        Assert.Contains("Cell:Planning:ExplorationRate", err.ToString(), StringComparison.Ordinal);
    }
}
