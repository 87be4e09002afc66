using System.CommandLine;
using Stow.Cell.Hmi;

namespace Stow.Cell.Cli;

/// <summary>
/// <c>stowcell hmi hash-password</c>: reads a password from stdin (one line) and prints its hash for
/// <c>Cell:Hmi:Users:N:PasswordHash</c> (<see cref="HmiPasswords"/>). Exit codes: 0 printed, 2 empty password.
/// </summary>
public static class HmiCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var hash = new Command("hash-password", "Read a password from stdin and print its hash for Cell:Hmi:Users:N:PasswordHash");
        hash.SetAction(_ =>
        {
            var password = Console.In.ReadLine();
            if (string.IsNullOrEmpty(password))
            {
                Console.Error.WriteLine("stowcell hmi hash-password: no password on stdin (e.g. `read -rs P; echo \"$P\" | stowcell hmi hash-password`)");
                return 2;
            }

            Console.WriteLine(HmiPasswords.Hash(password));
            return 0;
        });
        var cmd = new Command("hmi", "Operator HMI tools");
        cmd.Subcommands.Add(hash);
        return cmd;
    }
}
