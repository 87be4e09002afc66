using System.Text.Json;

namespace Stow.Tools.Tests.Cli;

/// <summary>Runs <c>stowcell items</c> in-process; the collection keeps Console redirection away from other tests.</summary>
[Collection("Console")]
public class ItemsCommandTests
{
    private static Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => Task.Run(() => Support.CliRun.Run(args));

    [Fact(Timeout = 60000)]
    public async Task Items_Json_For_Olist_Counts_Every_Row_As_Stowable_Or_Skipped()
    {
        var (code, stdout, stderr) = await RunAsync("items", "--catalog", "olist", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var rows = root.GetProperty("rows").GetInt32();
        var stowable = root.GetProperty("stowable").GetInt32();
        var skipped = root.GetProperty("skipped").EnumerateObject().Sum(p => p.Value.GetInt32());
        Assert.Equal(26292, rows);
        Assert.Equal(rows, stowable + skipped);
        Assert.True(root.GetProperty("skipped").TryGetProperty("too_heavy", out _));
        Assert.Equal(stowable, root.GetProperty("classMix").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.True(root.GetProperty("massKg").GetProperty("p50").GetDouble() > 0);
    }

    [Fact(Timeout = 60000)]
    public async Task Items_Prints_A_Human_Report_For_Arc2017()
    {
        var (code, stdout, stderr) = await RunAsync("items", "--catalog", "arc2017");
        Assert.True(code == 0, stderr);
        Assert.Contains("40 rows read", stdout, StringComparison.Ordinal);
        Assert.Contains("longest edge [m]", stdout, StringComparison.Ordinal);
        Assert.Contains("deformable", stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60000)]
    public async Task Items_With_A_Missing_Data_Root_Names_The_File_And_Exits_2()
    {
        var (code, _, stderr) = await RunAsync("items", "--catalog", "olist", "--data", "/nonexistent/data");
        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/data/items/olist/olist_products.csv", stderr, StringComparison.Ordinal);
    }
}
