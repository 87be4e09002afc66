using System.CommandLine;
using Stow.Cell.Cli;

namespace Stow.Cell;

/// <summary>
/// Entry point of the <c>stowcell</c> CLI: the cell's own commands (run, journal, graph). Development commands live in
/// <c>stowtools</c> (tools/Stow.Tools). Each command lives in its own file under <c>Cli/</c>.
/// </summary>
public static class Program
{
    /// <summary>Builds the command tree (also used by tests).</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("StowCell: host of a robotic stow workcell (simulator or live hardware)");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(GraphCommand.Create());
        root.Subcommands.Add(JournalCommand.Create());
        root.Subcommands.Add(MqttProbeCommand.Create());
        root.Subcommands.Add(HmiCommand.Create());
        return root;
    }

    /// <summary>Runs the CLI; returns the process exit code.</summary>
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();
}
