using System.CommandLine;
using Stow.Cell.PackML;

namespace Stow.Cell.Cli;

/// <summary><c>stowcell graph [--mode Production|Maintenance|Manual]</c>: prints the PackML machine as DOT.</summary>
public static class GraphCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var mode = new Option<UnitMode>("--mode")
        {
            Description = "Unit mode whose states and transitions to draw",
            DefaultValueFactory = _ => UnitMode.Production,
        };
        var cmd = new Command("graph", "Print the PackML state machine as a Graphviz DOT digraph (docs/packml.dot)");
        cmd.Options.Add(mode);
        cmd.SetAction(pr =>
        {
            Console.Out.Write(PackMlCell.ToDotGraph(pr.GetValue(mode)));
            return 0;
        });
        return cmd;
    }
}
