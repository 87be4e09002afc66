using System.Diagnostics;

namespace Stow.Cell.Hmi.Tests;

/// <summary><c>stowcell hmi add-user</c> as a real process: the password from stdin, only its hash in the users file.</summary>
public sealed class HmiCommandTests
{
    private static async Task<(int Code, string Stderr)> RunAsync(string stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "stowcell.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(deadline.Token);
        await stdout;
        return (p.ExitCode, await stderr);
    }

    [Fact(Timeout = 120_000)]
    public async Task Add_User_Stores_The_Hash_And_Refuses_A_Bad_Role_Or_No_Password()
    {
        var dir = Directory.CreateTempSubdirectory("stowcell-hmi-cli-").FullName;
        var file = Path.Combine(dir, "hmi-users.json");
        var (code, stderr) = await RunAsync("s3cret-pw\n", "hmi", "add-user", "ann", "--role", "Supervisor", "--file", file);
        Assert.True(code == 0, stderr);
        Assert.Contains($"added ann (Supervisor) in {file}", stderr, StringComparison.Ordinal);
        var ann = Assert.Single(HmiUsersFile.Load(file));
        Assert.Equal(("ann", HmiRole.Supervisor), (ann.Name, ann.Role));
        Assert.True(HmiPasswords.Verify(ann.PasswordHash, "s3cret-pw"));
        Assert.DoesNotContain("s3cret-pw", await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        (code, stderr) = await RunAsync("x\n", "hmi", "add-user", "bob", "--role", "Boss", "--file", file);
        Assert.Equal(2, code);
        Assert.Contains("--role 'Boss' is not Operator or Supervisor", stderr, StringComparison.Ordinal);
        (code, stderr) = await RunAsync("", "hmi", "add-user", "bob", "--file", file);
        Assert.Equal(2, code);
        Assert.Contains("no password on stdin", stderr, StringComparison.Ordinal);
        Assert.Single(HmiUsersFile.Load(file)); // nothing added by the refused calls
        Directory.Delete(dir, recursive: true);
    }
}
