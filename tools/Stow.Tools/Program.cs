using System.CommandLine;
using Stow.Tools.Cli;

namespace Stow.Tools;

/// <summary>
/// Entry point of <c>stowtools</c>, the development commands the product does not need: catalogues, simulator renders,
/// perception datasets and evaluation, planner evaluation, risk fitting, the journal stress helper. <c>./run.sh</c>
/// dispatches these commands here. Each command lives in its own file under <c>Cli/</c>.
/// </summary>
public static class Program
{
    /// <summary>Builds the command tree (also used by tests).</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("stowtools: StowCell development commands (evals, datasets, risk fit, simulator)");
        root.Subcommands.Add(ItemsCommand.Create());
        root.Subcommands.Add(SimCommand.Create());
        root.Subcommands.Add(PerceptionCommand.Create());
        root.Subcommands.Add(JournalStressCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(RiskCommand.Create());
        return root;
    }

    /// <summary>Runs the CLI; returns the process exit code.</summary>
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();
}
