using System.Diagnostics;
using Stow.Cell.Journal;
using Stow.Cell.Tests.Support;
using Stow.Core.Time;

namespace Stow.Cell.Tests.Run;

/// <summary>
/// SIGTERM during a stow shift (a real child process) ends in a safe state with the journal consistent. The shift is
/// long (3000 items) so that it cannot complete between the 50th attempt and the signal on a fast, quiet machine.
/// </summary>
public class SigtermTests
{
    [Fact(Timeout = 240_000)]
    public async Task Sigterm_During_A_Shift_Stops_Through_PackML_With_The_Journal_Consistent()
    {
        using var dir = new TempDir();
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { TestPaths.StowCellDll, "run", "--items", "3000", "--catalog", "arc2017", "--perception", "groundtruth", "--motion", "timed", "--out", dir.Path, "--json" })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("attempts 50", StringComparison.Ordinal) == true)
            {
                progress.TrySetResult();
            }
        };
        p.BeginErrorReadLine();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var started = await Task.WhenAny(progress.Task, p.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(120)));
        Assert.True(started == progress.Task, "the shift reached 50 attempts while running");

        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(deadline.Token);
        await stdout;

        Assert.Equal(0, p.ExitCode);
        var log = await File.ReadAllTextAsync(Path.Combine(dir.Path, "logs", "stowcell.log.json"));
        Assert.Contains("shift stopped on request", log, StringComparison.Ordinal);
        Assert.Contains("--> Stopped", log, StringComparison.Ordinal);
        using var journal = InventoryJournal.Open(Path.Combine(dir.Path, "journal.db"), new VirtualClock());
        Assert.Empty(journal.ReconcileAtStartup().Flagged);
        Assert.Equal(0, journal.CountUnaccounted());
        Assert.True(File.Exists(Path.Combine(dir.Path, "summary.json")), "the summary is written on a requested stop");
    }
}
