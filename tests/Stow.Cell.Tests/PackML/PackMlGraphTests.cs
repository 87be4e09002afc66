using System.Diagnostics;
using System.Text.RegularExpressions;
using Stow.Cell.PackML;
using Stow.Cell.Tests.Support;

namespace Stow.Cell.Tests.PackML;

public sealed partial class PackMlGraphTests
{
    [Fact(Timeout = 10_000)]
    public async Task Generated_Dot_Graph_Matches_The_Committed_Docs_File()
    {
        var committed = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepoRoot, "docs", "packml.dot"));
        Assert.Equal(committed.ReplaceLineEndings("\n"), PackMlCell.ToDotGraph().ReplaceLineEndings("\n"));
    }

    [Fact(Timeout = 10_000)]
    public async Task Graph_Has_One_Edge_Per_Standard_Row_And_Names_The_Guard_Where_A_Mode_Refuses_It()
    {
        await Task.Yield();
        var edges = PackMlCell.ToDotGraph().Split('\n')
            .Select(l => Edge().Match(l))
            .Where(m => m.Success)
            .Select(m => (
                From: Enum.Parse<PackMlState>(m.Groups["from"].Value),
                Trigger: Enum.Parse<PackMlTrigger>(m.Groups["trigger"].Value),
                To: Enum.Parse<PackMlState>(m.Groups["to"].Value),
                Guard: m.Groups["guard"].Value))
            .ToList();

        Assert.Equal(
            PackMlSpec.Allowed.OrderBy(r => (r.From, r.Trigger)),
            edges.Select(e => (e.From, e.Trigger, e.To)).OrderBy(r => (r.From, r.Trigger)));

        // A row that some mode refuses from a state that mode has must carry a guard in the drawing.
        foreach (var mode in Enum.GetValues<UnitMode>())
        {
            var allowed = PackMlSpec.AllowedIn(mode).ToHashSet();
            foreach (var e in edges.Where(e => PackMlSpec.InMode(mode, e.From) && !allowed.Contains((e.From, e.Trigger, e.To))))
            {
                Assert.False(string.IsNullOrEmpty(e.Guard), $"{e.From} --{e.Trigger}--> {e.To} is refused in {mode} but drawn without a guard");
            }
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Graphviz_Renders_The_Graph_To_Svg()
    {
        var psi = new ProcessStartInfo("dot", "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var dot = Process.Start(psi) ?? throw new InvalidOperationException("dot did not start (apt-get install graphviz)");
        var stdout = dot.StandardOutput.ReadToEndAsync();
        var stderr = dot.StandardError.ReadToEndAsync();
        await dot.StandardInput.WriteAsync(PackMlCell.ToDotGraph());
        dot.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await dot.WaitForExitAsync(cts.Token);

        Assert.True(dot.ExitCode == 0, $"dot -Tsvg failed ({dot.ExitCode}): {await stderr}");
        Assert.Equal(string.Empty, (await stderr).Trim());
        var svg = await stdout;
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        foreach (var s in PackMlTransitionTable.States)
        {
            Assert.Contains($"<title>{s}</title>", svg, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("^\"(?<from>\\w+)\" -> \"(?<to>\\w+)\" \\[.*label=\"(?<trigger>\\w+)(?: \\[(?<guard>\\w+)\\])?\"\\];$")]
    private static partial Regex Edge();
}
