using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Stow.Cell.Hmi.Tests;

/// <summary>
/// A real host process, <c>dotnet stowcell.dll run ...</c> (the stowcell.dll the project reference copies next to the
/// test binary), with its stderr collected; <see cref="KillAsync"/> kills it and its children (the mosquitto broker it
/// started) at once, as a crash or a power cut would.
/// </summary>
internal sealed class StowCellProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<string> _hmiUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StowCellProcess(Process process)
    {
        _process = process;
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>Starts <c>dotnet stowcell.dll</c> with <paramref name="args"/> from the repository root.</summary>
    public static StowCellProcess Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "stowcell.dll");
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = HmiHost.RepoRoot };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var p = new StowCellProcess(Process.Start(psi)!);
        p._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (p._stderr)
            {
                p._stderr.AppendLine(e.Data);
            }

            if (e.Data.Contains("operator HMI at", StringComparison.Ordinal))
            {
                p._hmiUp.TrySetResult(e.Data);
            }
        };
        p._process.OutputDataReceived += (_, _) => { };
        p._process.BeginErrorReadLine();
        p._process.BeginOutputReadLine();
        return p;
    }

    /// <summary>Waits for the host's "operator HMI at" line; fails with its stderr when it exits first or the deadline passes.</summary>
    public async Task WaitForHmiAsync(TimeSpan deadline)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_hmiUp.Task, exited, Task.Delay(deadline));
        Assert.True(first == _hmiUp.Task, $"stowcell did not start its HMI ({(first == exited ? $"exited {_process.ExitCode}" : "deadline")}); stderr:\n{Stderr}");
    }

    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
