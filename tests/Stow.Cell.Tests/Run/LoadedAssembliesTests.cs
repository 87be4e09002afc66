using System.Diagnostics;
using Stow.Cell.Tests.Support;

namespace Stow.Cell.Tests.Run;

/// <summary>
/// The hidden diagnostic <c>stowcell run --loaded-assemblies FILE</c> (a real child process) lists what the run loaded,
/// plugin load contexts included: the check a live-configured cell will be held to (no <c>Stow.Sim*</c> assembly).
/// </summary>
public class LoadedAssembliesTests
{
    [Fact(Timeout = 180_000)]
    public async Task A_Simulated_Run_Lists_The_Simulator_Plugin_It_Loaded_By_Name()
    {
        using var dir = new TempDir();
        var file = dir.File("loaded-assemblies.txt");
        var lines = await RunAsync(file, "run", "--items", "3", "--catalog", "arc2017", "--perception", "groundtruth", "--motion", "timed",
            "--out", dir.Path, "--json");

        var byName = lines.Select(l => l.Split('\t')).ToLookup(f => f[0], f => f[1]);
        Assert.Contains("Default", byName["stowcell"]);
        Assert.Contains("Default", byName["Stow.Core"]);

        // The simulator comes in through its plugin's own load context, which the diagnostic must see.
        var simCell = Assert.Single(byName["Stow.Sim.Cell"]);
        Assert.NotEqual("Default", simCell);
        Assert.Contains(simCell, byName["Stow.Sim"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_Run_Stopped_At_A_Missing_Backend_Lists_No_Simulator_Assembly()
    {
        using var dir = new TempDir();
        var bad = dir.File("bad.json");
        await File.WriteAllTextAsync(bad, """{ "Cell": { "Items": 3, "Backend": "No.Such.Backend" } }""");
        var file = dir.File("loaded-assemblies.txt");

        var lines = await RunAsync(file, expectedExit: 2, "run", "--config", bad, "--out", dir.Path);

        Assert.Contains(lines, l => l.StartsWith("stowcell\t", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Stow.Sim", StringComparison.Ordinal));
    }

    private static Task<string[]> RunAsync(string file, params string[] args) => RunAsync(file, 0, args);

    private static async Task<string[]> RunAsync(string file, int expectedExit, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(TestPaths.StowCellDll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.ArgumentList.Add("--loaded-assemblies");
        psi.ArgumentList.Add(file);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        await p.WaitForExitAsync(deadline.Token);
        Assert.True(p.ExitCode == expectedExit, $"stowcell exited {p.ExitCode}, expected {expectedExit}: {await stderr}");
        await stdout;
        Assert.True(File.Exists(file), "the diagnostic file was written");
        return await File.ReadAllLinesAsync(file);
    }
}
