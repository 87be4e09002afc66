using System.CommandLine;
using Stow.Cell.PackML;

namespace Stow.Cell.Cli;

/// <summary>
/// <c>stowcell graph</c>: prints the PackML machine as DOT (Stateless's <c>UmlDotGraph</c>; rows a unit mode may lack
/// carry their guard's name).
/// </summary>
public static class GraphCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var cmd = new Command("graph", "Print the PackML state machine as a Graphviz DOT digraph (docs/packml.dot)");
        cmd.SetAction(_ =>
        {
            Console.Out.Write(PackMlCell.ToDotGraph());
            return 0;
        });
        return cmd;
    }
}
