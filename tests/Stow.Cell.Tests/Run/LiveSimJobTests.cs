using System.Globalization;
using System.Text.Json;
using Stow.Cell.Cli;
using Stow.Cell.Tests.Support;

namespace Stow.Cell.Tests.Run;

[Collection("Console")]
public class LiveSimJobTests
{
    [Fact(Timeout = 300_000)]
    public async Task The_Main_Job_Runs_With_The_Live_Sim_Config_And_Leaves_No_Socat_Behind()
    {
        using var dir = new TempDir();
        var config = Path.Combine(TestPaths.RepoRoot, "config", "cell.live-sim.json");
        var overrides = new Dictionary<string, string?>
        {
            ["Cell:Items"] = "3",
            ["Cell:Catalog"] = "arc2017",
            ["Cell:Perception:Mode"] = "groundtruth",
        };

        var code = await RunCommand.RunAsync(config, overrides, dir.Path, json: true);

        Assert.Equal(0, code);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("summary.json")));
        var root = summary.RootElement;
        Assert.Equal("cell.live-sim", root.GetProperty("config").GetString());
        Assert.Equal(0, root.GetProperty("unaccounted").GetInt32());
        Assert.True(root.GetProperty("attempted").GetInt32() > 0, "no stow was attempted");
        Assert.Empty(SocatChildren());
    }

    /// <summary>socat processes (zombies included) whose parent is this test process.</summary>
    private static List<int> SocatChildren()
    {
        var self = Environment.ProcessId;
        var found = new List<int>();
        foreach (var d in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(d, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // pid (comm) state ppid ...
            var close = stat.LastIndexOf(')');
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            if (open < 0 || close < open || stat[(open + 1)..close] != "socat")
            {
                continue;
            }

            var rest = stat[(close + 2)..].Split(' ');
            if (rest.Length > 1 && int.TryParse(rest[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid) && ppid == self)
            {
                found.Add(pid);
            }
        }

        return found;
    }
}
