using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Stow.Cell.Mqtt;

/// <summary>
/// A mosquitto broker started for a run or a test on a free loopback port: its config lives in a
/// working folder, it runs as <c>mosquitto -c conf</c>, is ready once the port accepts, and is stopped
/// by its PID. With users it uses a password file (made with <c>mosquitto_passwd -b</c>) and an ACL
/// file (e.g. <c>config/mosquitto/acl.example</c>); with <see cref="MosquittoBrokerTls"/> its listener speaks TLS only.
/// Methods are not thread-safe; call from one owner.
/// </summary>
public sealed class MosquittoBrokerProcess : IAsyncDisposable
{
    private readonly string _dir;
    private readonly string _conf;
    private Process? _process;

    private MosquittoBrokerProcess(int port, string dir)
    {
        Port = port;
        _dir = dir;
        _conf = Path.Combine(dir, "mosquitto.conf");
    }

    /// <summary>Loopback port the broker listens on.</summary>
    public int Port { get; }

    /// <summary>PID of the broker process, or null when stopped.</summary>
    public int? Pid => _process?.Id;

    /// <summary>The broker's log so far.</summary>
    public string Log => File.Exists(LogPath) ? File.ReadAllText(LogPath) : string.Empty;

    private string LogPath => Path.Combine(_dir, "mosquitto.log");

    /// <summary>Writes the config into <paramref name="workDirectory"/> and starts the broker.</summary>
    /// <param name="workDirectory">Folder for mosquitto.conf, the log and the password file (created if missing).</param>
    /// <param name="users">User → password; null for anonymous access.</param>
    /// <param name="aclFile">ACL file used with <paramref name="users"/>.</param>
    /// <param name="tls">Certificate and key for a TLS listener; null for plain TCP.</param>
    /// <param name="port">Loopback port to listen on (0: a free one).</param>
    /// <exception cref="InvalidOperationException">mosquitto is not installed, or did not accept connections within 10 s (the message carries its log).</exception>
    public static async Task<MosquittoBrokerProcess> StartAsync(string workDirectory, IReadOnlyDictionary<string, string>? users = null, string? aclFile = null,
        MosquittoBrokerTls? tls = null, int port = 0)
    {
        Directory.CreateDirectory(workDirectory);
        var broker = new MosquittoBrokerProcess(port > 0 ? port : FreePort(), workDirectory);
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"listener {broker.Port} 127.0.0.1"),
            "persistence false",
            "log_dest file " + broker.LogPath,
            "log_type all",
        };
        if (tls is not null)
        {
            lines.Add("certfile " + Path.GetFullPath(tls.CertFile));
            lines.Add("keyfile " + Path.GetFullPath(tls.KeyFile));
        }

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
            var passwd = Path.Combine(workDirectory, "passwd");
            var first = true;
            foreach (var (user, password) in users)
            {
                await RunToolAsync("mosquitto_passwd", first ? ["-c", "-b", passwd, user, password] : ["-b", passwd, user, password]);
                first = false;
            }

            lines.Add("allow_anonymous false");
            lines.Add("password_file " + passwd);
            if (aclFile is not null)
            {
                var acl = Path.Combine(workDirectory, "acl");
                File.Copy(aclFile, acl, overwrite: true);
                lines.Add("acl_file " + acl);
            }
        }

        await File.WriteAllLinesAsync(broker._conf, lines);
        await broker.StartProcessAsync();
        return broker;
    }

    /// <summary>Kills the broker (losing retained messages: no persistence) and starts it again on the same port.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartProcessAsync();
    }

    /// <summary>Stops the broker by its PID and waits for it to exit.</summary>
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

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartProcessAsync()
    {
        var psi = new ProcessStartInfo("mosquitto") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(_conf);
        try
        {
            _process = Process.Start(psi) ?? throw new InvalidOperationException("mosquitto did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"the mosquitto broker is not installed ({e.Message}): run ./run.sh (it installs it) or `apt-get install mosquitto`", e);
        }

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
                var err = _process.HasExited ? await _process.StandardError.ReadToEndAsync() : string.Empty;
                throw new InvalidOperationException($"mosquitto did not accept connections on 127.0.0.1:{Port}: {err} {Log}");
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

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start");
        var err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {err}");
        }
    }
}
