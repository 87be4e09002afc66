using Stow.Cell.PackML;

namespace Stow.Cell.Tests.PackML;

/// <summary>Runs <c>stowcell graph</c> in-process; the "Console" collection keeps Console redirection away from other tests.</summary>
[Collection("Console")]
public sealed class GraphCommandTests
{
    [Fact(Timeout = 30_000)]
    public async Task Graph_Command_Prints_The_Dot_Graph()
    {
        await Task.Yield();
        var w = new StringWriter();
        var old = Console.Out;
        try
        {
            Console.SetOut(w);
            Assert.Equal(0, Program.BuildRoot().Parse(["graph"]).Invoke());
        }
        finally
        {
            Console.SetOut(old);
        }

        Assert.Equal(PackMlCell.ToDotGraph(), w.ToString());
        Assert.StartsWith("digraph", w.ToString(), StringComparison.Ordinal);
    }
}
