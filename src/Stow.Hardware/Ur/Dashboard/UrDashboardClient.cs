using System.Net.Sockets;
using System.Text;

namespace Stow.Hardware.Ur.Dashboard;

/// <summary>
/// Client of a UR controller's dashboard server (TCP port 29999; "Dashboard Server e-Series" manual): one command
/// per line, one reply line each. Covers what an operator-assisted recovery needs: power on and off, brake release,
/// play, stop, robot mode, safety mode and status, unlock a protective stop, close popups.
/// Success is judged from the reply texts of the manual ("Powering on", "Brake releasing", "Starting program",
/// "Stopped", "Protective stop releasing", "closing popup", "closing safety popup").
/// Threading: one caller at a time (calls are serialised); blocking, never inside the control loop.
/// </summary>
public sealed class UrDashboardClient : IDisposable
{
    /// <summary>The greeting the server sends on connection.</summary>
    public const string Greeting = "Connected: Universal Robots Dashboard Server";

    private readonly object _lock = new();
    private readonly TimeSpan _timeout;
    private TcpClient? _tcp;
    private StreamReader? _reader;
    private StreamWriter? _writer;

    /// <summary>Creates a client, not connected.</summary>
    /// <param name="timeout">Connect and reply timeout (null: 2 s).</param>
    public UrDashboardClient(TimeSpan? timeout = null) => _timeout = timeout ?? TimeSpan.FromSeconds(2);

    /// <summary>True while connected.</summary>
    public bool IsConnected => _tcp?.Connected == true;

    /// <summary>Connects and checks the greeting.</summary>
    /// <param name="host">Controller address.</param>
    /// <param name="port">Dashboard port (29999 on a controller).</param>
    /// <exception cref="UrDashboardException">No connection or an unexpected greeting.</exception>
    public void Connect(string host, int port)
    {
        lock (_lock)
        {
            try
            {
                var tcp = new TcpClient { NoDelay = true, ReceiveTimeout = (int)_timeout.TotalMilliseconds, SendTimeout = (int)_timeout.TotalMilliseconds };
                using (var cts = new CancellationTokenSource(_timeout))
                {
                    tcp.ConnectAsync(host, port, cts.Token).AsTask().GetAwaiter().GetResult();
                }

                _tcp = tcp;
                var stream = tcp.GetStream();
                _reader = new StreamReader(stream, Encoding.UTF8, false, 1024, leaveOpen: true);
                _writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true) { NewLine = "\n", AutoFlush = true };
                var greeting = _reader.ReadLine();
                if (greeting is null || !greeting.StartsWith(Greeting, StringComparison.Ordinal))
                {
                    throw new UrDashboardException($"dashboard server at {host}:{port} greeted with '{greeting}'");
                }
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
            {
                CloseLocked();
                throw new UrDashboardException($"dashboard server at {host}:{port}: {e.Message}", e);
            }
        }
    }

    /// <summary>Sends one command line and returns the reply line.</summary>
    /// <param name="command">Command text without newline.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="UrDashboardException">Not connected, or no reply in time.</exception>
    public string Send(string command)
    {
        lock (_lock)
        {
            if (_writer is null || _reader is null)
            {
                throw new UrDashboardException($"dashboard '{command}': not connected");
            }

            try
            {
                _writer.WriteLine(command);
                return _reader.ReadLine() ?? throw new UrDashboardException($"dashboard '{command}': server closed the connection");
            }
            catch (IOException e)
            {
                CloseLocked();
                throw new UrDashboardException($"dashboard '{command}': {e.Message}", e);
            }
        }
    }

    /// <summary>"power on".</summary>
    /// <exception cref="UrDashboardException">The reply is not "Powering on".</exception>
    public void PowerOn() => Expect("power on", "Powering on");

    /// <summary>"power off".</summary>
    /// <exception cref="UrDashboardException">The reply is not "Powering off".</exception>
    public void PowerOff() => Expect("power off", "Powering off");

    /// <summary>"brake release".</summary>
    /// <exception cref="UrDashboardException">The reply is not "Brake releasing".</exception>
    public void BrakeRelease() => Expect("brake release", "Brake releasing");

    /// <summary>"play": starts the loaded program.</summary>
    /// <exception cref="UrDashboardException">The reply is not "Starting program" (e.g. "Failed to execute: play").</exception>
    public void Play() => Expect("play", "Starting program");

    /// <summary>"stop": stops the running program.</summary>
    /// <exception cref="UrDashboardException">The reply is not "Stopped".</exception>
    public void Stop() => Expect("stop", "Stopped");

    /// <summary>"unlock protective stop".</summary>
    /// <exception cref="UrDashboardException">The reply is not "Protective stop releasing" (e.g. within 5 s of the stop).</exception>
    public void UnlockProtectiveStop() => Expect("unlock protective stop", "Protective stop releasing");

    /// <summary>"close popup".</summary>
    /// <exception cref="UrDashboardException">The reply is not "closing popup".</exception>
    public void ClosePopup() => Expect("close popup", "closing popup");

    /// <summary>"close safety popup".</summary>
    /// <exception cref="UrDashboardException">The reply is not "closing safety popup".</exception>
    public void CloseSafetyPopup() => Expect("close safety popup", "closing safety popup");

    /// <summary>"robotmode".</summary>
    /// <returns>The robot mode.</returns>
    /// <exception cref="UrDashboardException">The reply is not "Robotmode: NAME".</exception>
    public UrRobotMode GetRobotMode()
    {
        var r = Send("robotmode");
        return r.StartsWith("Robotmode: ", StringComparison.Ordinal) && UrNames.TryParse(r["Robotmode: ".Length..].Trim(), out UrRobotMode m)
            ? m
            : throw new UrDashboardException($"dashboard 'robotmode' replied '{r}'");
    }

    /// <summary>"safetystatus".</summary>
    /// <returns>The safety status.</returns>
    /// <exception cref="UrDashboardException">The reply is not "Safetystatus: NAME".</exception>
    public UrSafetyMode GetSafetyStatus() => ParseSafety("safetystatus", "Safetystatus: ");

    /// <summary>"safetymode".</summary>
    /// <returns>The safety mode.</returns>
    /// <exception cref="UrDashboardException">The reply is not "Safetymode: NAME".</exception>
    public UrSafetyMode GetSafetyMode() => ParseSafety("safetymode", "Safetymode: ");

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            CloseLocked();
        }
    }

    private UrSafetyMode ParseSafety(string command, string prefix)
    {
        var r = Send(command);
        return r.StartsWith(prefix, StringComparison.Ordinal) && UrNames.TryParse(r[prefix.Length..].Trim(), out UrSafetyMode m)
            ? m
            : throw new UrDashboardException($"dashboard '{command}' replied '{r}'");
    }

    private void Expect(string command, string success)
    {
        var r = Send(command);
        if (!r.StartsWith(success, StringComparison.Ordinal))
        {
            throw new UrDashboardException($"dashboard '{command}' replied '{r}'");
        }
    }

    private void CloseLocked()
    {
        _reader?.Dispose();
        _writer?.Dispose();
        _tcp?.Dispose();
        _reader = null;
        _writer = null;
        _tcp = null;
    }
}
