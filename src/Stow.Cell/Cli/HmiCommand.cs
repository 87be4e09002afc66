using System.CommandLine;
using Stow.Cell.Hmi;
using Stow.Core.Catalog;

namespace Stow.Cell.Cli;

/// <summary>
/// <c>stowcell hmi</c>: <c>hash-password</c> reads a password from stdin (one line) and prints its hash for
/// <c>Cell:Hmi:Users:N:PasswordHash</c> (<see cref="HmiPasswords"/>); <c>add-user NAME --role R [--file F]</c> reads a
/// password from stdin and adds (or replaces) the user in the users file (<see cref="HmiUsersFile"/>, default
/// <c>config/hmi-users.json</c>). Exit codes: 0 done, 2 empty password, bad role or a bad users file.
/// </summary>
public static class HmiCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var hash = new Command("hash-password", "Read a password from stdin and print its hash for Cell:Hmi:Users:N:PasswordHash");
        hash.SetAction(_ =>
        {
            var password = ReadPassword("hash-password");
            if (password is null)
            {
                return 2;
            }

            Console.WriteLine(HmiPasswords.Hash(password));
            return 0;
        });

        var name = new Argument<string>("name") { Description = "User name typed at login" };
        var role = new Option<string>("--role") { Description = "Operator or Supervisor", DefaultValueFactory = _ => nameof(HmiRole.Operator) };
        var file = new Option<string?>("--file") { Description = "Users file (default config/hmi-users.json under the repository root; Cell:Hmi:UsersFile)" };
        var add = new Command("add-user", "Read a password from stdin and add the user, hashed, to the HMI users file");
        add.Arguments.Add(name);
        add.Options.Add(role);
        add.Options.Add(file);
        add.SetAction(pr =>
        {
            if (!Enum.TryParse<HmiRole>(pr.GetValue(role), ignoreCase: true, out var r) || !Enum.IsDefined(r) || int.TryParse(pr.GetValue(role), out _))
            {
                Console.Error.WriteLine($"stowcell hmi add-user: --role '{pr.GetValue(role)}' is not Operator or Supervisor");
                return 2;
            }

            var password = ReadPassword("add-user");
            if (password is null)
            {
                return 2;
            }

            var path = Path.GetFullPath(pr.GetValue(file) ?? Path.Combine(CatalogPaths.FindRepoRoot() ?? Directory.GetCurrentDirectory(), "config", "hmi-users.json"));
            try
            {
                var replaced = HmiUsersFile.Save(path, new HmiUserOptions { Name = pr.GetValue(name)!, Role = r, PasswordHash = HmiPasswords.Hash(password) });
                Console.Error.WriteLine($"stowcell hmi add-user: {(replaced ? "replaced" : "added")} {pr.GetValue(name)} ({r}) in {path}");
                return 0;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"stowcell hmi add-user: {e.Message}");
                return 2;
            }
        });

        var cmd = new Command("hmi", "Operator HMI tools");
        cmd.Subcommands.Add(hash);
        cmd.Subcommands.Add(add);
        return cmd;
    }

    private static string? ReadPassword(string verb)
    {
        var password = Console.In.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine($"stowcell hmi {verb}: no password on stdin (e.g. `read -rs P; echo \"$P\" | stowcell hmi {verb} ...`)");
            return null;
        }

        return password;
    }
}
