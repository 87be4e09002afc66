using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Stow.Cell.Tests.Support;

/// <summary>
/// A throwaway mosquitto broker on a free loopback port: config in a temp dir, started with
/// <c>mosquitto -c conf</c>, ready once the port accepts, stopped by PID. With users it uses a password file
/// (made with <c>mosquitto_passwd -b</c>) and the committed example ACL <c>config/mosquitto/acl.example</c>.
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly TempDir _dir;
    private readonly string _conf;
    private Process? _process;

    private MosquittoBroker(int port, TempDir dir)
    {
        Port = port;
        _dir = dir;
        _conf = dir.File("mosquitto.conf");
    }

    public int Port { get; }

    public static async Task<MosquittoBroker> StartAsync(IReadOnlyDictionary<string, string>? users = null)
    {
        var port = FreePort();
        var broker = new MosquittoBroker(port, new TempDir());
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"listener {port} 127.0.0.1"),
            "persistence false",
            "log_dest file " + broker._dir.File("mosquitto.log"),
            "log_type all",
        };
        if (Environment.UserName == "root")
        {
            lines.Add("user root");
        }

        if (users is null)
        {
            lines.Add("allow_anonymous true");
        }
        else
        {
            var passwd = broker._dir.File("passwd");
            var first = true;
            foreach (var (user, password) in users)
            {
                await RunToolAsync("mosquitto_passwd", first ? ["-c", "-b", passwd, user, password] : ["-b", passwd, user, password]);
                first = false;
            }

            var acl = broker._dir.File("acl");
            File.Copy(Path.Combine(TestPaths.RepoRoot, "config", "mosquitto", "acl.example"), acl);
            lines.Add("allow_anonymous false");
            lines.Add("password_file " + passwd);
            lines.Add("acl_file " + acl);
        }

        await File.WriteAllLinesAsync(broker._conf, lines);
        await broker.StartProcessAsync();
        return broker;
    }

    public string Log => File.Exists(_dir.File("mosquitto.log")) ? File.ReadAllText(_dir.File("mosquitto.log")) : "";

    /// <summary>Kills the broker (losing its retained messages: no persistence) and starts it again on the same port.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartProcessAsync();
    }

    public async Task StopAsync()
    {
        if (_process is { } p)
        {
            _process = null;
            if (!p.HasExited)
            {
                p.Kill();
            }

            await p.WaitForExitAsync();
            p.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _dir.Dispose();
    }

    private async Task StartProcessAsync()
    {
        var psi = new ProcessStartInfo("mosquitto") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(_conf);
        _process = Process.Start(psi) ?? throw new InvalidOperationException("mosquitto did not start");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var c = new TcpClient();
                await c.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(25);
            }
            catch (SocketException)
            {
                var err = _process.HasExited ? await _process.StandardError.ReadToEndAsync() : "";
                throw new InvalidOperationException($"mosquitto did not accept on {Port}: {err} {Log}");
            }
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static async Task RunToolAsync(string tool, string[] args)
    {
        var psi = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {err}");
        }
    }
}
