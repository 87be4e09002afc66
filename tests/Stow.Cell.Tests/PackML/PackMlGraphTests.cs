using System.CommandLine;
using Stow.Cell.PackML;
using Stow.Cell.Tests.Support;

namespace Stow.Cell.Tests.PackML;

public sealed class PackMlGraphTests
{
    [Fact(Timeout = 10_000)]
    public async Task Generated_Dot_Graph_Matches_The_Committed_Docs_File()
    {
        var committed = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepoRoot, "docs", "packml.dot"));
        Assert.Equal(committed.ReplaceLineEndings("\n"), PackMlCell.ToDotGraph(UnitMode.Production));
    }

    [Fact(Timeout = 10_000)]
    public async Task Graph_Has_One_Edge_Per_Allowed_Transition_Of_The_Mode()
    {
        await Task.Yield();
        foreach (var mode in Enum.GetValues<UnitMode>())
        {
            var dot = PackMlDotGraph.Write(mode);
            var edges = dot.Split('\n').Count(l => l.Contains("->", StringComparison.Ordinal));
            Assert.Equal(PackMlSpec.AllowedIn(mode).Count(), edges);
        }
    }
}
