using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Stow.Tools.Cli;
using Stow.Tools.Tests.Support;

namespace Stow.Tools.Tests.Live;

/// <summary>
/// The two processes of a live cell run as a person runs them: <c>stowtools sim serve --config config/cell.live.json</c>
/// and <c>stowcell run --config config/cell.live.json</c>, both on free loopback ports and pty paths in a temporary
/// folder (the same <c>--endpoint</c> overrides on both command lines). Not thread-safe; dispose kills what is left.
/// </summary>
internal sealed class LiveCellProcesses : IDisposable
{
    private readonly TempDir _dir = new();
    private Process? _serve;
    private Task<string>? _serveErrors;

    public LiveCellProcesses()
    {
        var ports = FreePorts(4);
        MqttPort = ports[3];
        Endpoints =
        [
            "arm.rtdePort=" + ports[0].ToString(CultureInfo.InvariantCulture),
            "arm.secondaryPort=" + ports[1].ToString(CultureInfo.InvariantCulture),
            "arm.dashboardPort=" + ports[2].ToString(CultureInfo.InvariantCulture),
            "eoat.device=" + Path.Combine(_dir.Path, "eoat.tty"),
            "band_separator.device=" + Path.Combine(_dir.Path, "band_separator.tty"),
        ];
    }

    public static string Config { get; } = Path.Combine(TestPaths.RepoRoot, "config", "cell.live.json");

    public string Directory => _dir.Path;

    public IReadOnlyList<string> Endpoints { get; }

    public int MqttPort { get; }

    /// <summary>Starts <c>sim serve</c> and returns its ready line.</summary>
    public async Task<string> StartServerAsync(CancellationToken deadline)
    {
        var args = new List<string> { TestPaths.StowToolsDll, "sim", "serve", "--config", Config, "--devices", _dir.Path, "--mqtt-port", MqttPort.ToString(CultureInfo.InvariantCulture) };
        foreach (var e in Endpoints)
        {
            args.Add("--endpoint");
            args.Add(e);
        }

        _serve = Start(args);
        _serveErrors = _serve.StandardError.ReadToEndAsync(deadline);
        while (await _serve.StandardOutput.ReadLineAsync(deadline) is { } line)
        {
            if (line.StartsWith(SimServeCommand.ReadyPrefix, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException("sim serve ended without its ready line: " + await _serveErrors);
    }

    /// <summary>Runs <c>stowcell run</c> on the live configuration (or <paramref name="config"/>) with the endpoints (unless
    /// <paramref name="withEndpoints"/> is false), plus <paramref name="extra"/>.</summary>
    /// <returns>Exit code, stdout, stderr.</returns>
    public async Task<(int Code, string Out, string Err)> RunCellAsync(IEnumerable<string> extra, CancellationToken deadline, string? config = null, bool withEndpoints = true)
    {
        var args = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, "stowcell.dll"), "run", "--config", config ?? Config, "--hmi", "off",
            "--set", "Cell:Mqtt:Port=" + MqttPort.ToString(CultureInfo.InvariantCulture), "--set", "Cell:Shift:OperatorTimeoutSeconds=20",
        };
        foreach (var e in withEndpoints ? Endpoints : [])
        {
            args.Add("--endpoint");
            args.Add(e);
        }

        args.AddRange(extra);
        using var cell = Start(args);
        var stdout = cell.StandardOutput.ReadToEndAsync(deadline);
        var stderr = cell.StandardError.ReadToEndAsync(deadline);
        try
        {
            await cell.WaitForExitAsync(deadline);
        }
        finally
        {
            if (!cell.HasExited)
            {
                cell.Kill(entireProcessTree: true);
            }
        }

        return (cell.ExitCode, await stdout, await stderr);
    }

    /// <summary>Sends SIGTERM to the server and waits for it to exit.</summary>
    /// <returns>Its exit code and stderr.</returns>
    public async Task<(int Code, string Err)> StopServerAsync(CancellationToken deadline)
    {
        var serve = _serve ?? throw new InvalidOperationException("no server");
        using (var kill = Process.Start("kill", ["-TERM", serve.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(deadline);
        }

        await serve.WaitForExitAsync(deadline);
        return (serve.ExitCode, await _serveErrors!);
    }

    public void Dispose()
    {
        if (_serve is { HasExited: false })
        {
            _serve.Kill(entireProcessTree: true);
        }

        _serve?.Dispose();
        _dir.Dispose();
    }

    private static Process Start(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestPaths.RepoRoot,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static int[] FreePorts(int n)
    {
        var listeners = Enumerable.Range(0, n).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
