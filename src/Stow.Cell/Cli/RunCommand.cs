using System.CommandLine;

namespace Stow.Cell.Cli;

/// <summary><c>stowcell run</c>: the main job (a stow shift on the simulator with real items).</summary>
public static class RunCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var cmd = new Command("run", "Run a stow shift (main job)");
        cmd.SetAction(_ =>
        {
            Console.WriteLine("stowcell run: the main job is not built yet.");
            return 0;
        });
        return cmd;
    }
}
