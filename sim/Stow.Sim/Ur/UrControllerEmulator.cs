using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Stow.Hardware.Arm;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Ur;
using Stow.Hardware.Ur.Rtde;
using Stow.Sim.Devices;
using Stow.Sim.Devices.Arm;

namespace Stow.Sim.Ur;

/// <summary>
/// Emulates a Universal Robots e-Series controller over TCP, backed by a <see cref="SimArm"/> (with its UR
/// kinematics) on a <see cref="SimCell"/>: the RTDE interface at the controller's 500 Hz (protocol version 2, recipe
/// negotiation with NOT_FOUND and IN_USE answers, start, pause, text messages), the secondary interface (accepts a
/// URScript program; runs the project's external-control program, recognised by its header, through its register
/// protocol; reports any other program as unsupported by an RTDE text message; streams the version message and robot
/// mode data at 10 Hz, <see cref="SecondaryMessages"/>), and the dashboard server with the
/// controller's reply texts. Start it with one call, <see cref="Start(SimCell, UrControllerOptions?, SimArmOptions?, string)"/>.
/// <para>Each tick (wall clock) the program reads the input registers, commands the arm's twist (base frame → cell
/// frame), steps the arm, and publishes a state snapshot that every started RTDE session sends at its own output
/// frequency. Malformed packages from a client (size, type, truncation, recipe) are counted in
/// <see cref="MalformedPackages"/> and that client's connection is reset.</para>
/// <para>Not emulated: the secondary interface's robot-state packages other than robot mode data, programs other than
/// the project's, URScript interpretation, RTDE protocol version 1.</para>
/// Threading: one tick thread, one thread per connection; public members are thread-safe.
/// </summary>
public sealed partial class UrControllerEmulator : IDisposable
{
    private readonly SimArm _arm;
    private readonly SimCell _cell;
    private readonly object _sync = new();
    private readonly List<RtdeServerSession> _sessions = [];
    private readonly Dictionary<string, RtdeServerSession> _inputOwners = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RtdeTextMessage> _clientMessages = new();
    private readonly List<TcpListener> _listeners = [];
    private readonly List<IDisposable> _connections = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private Thread? _ticker;
    private long _malformed;
    private long _ticks;
    private long _missedTicks;
    private int _disposed;

    private UrControllerEmulator(SimArm arm, SimCell cell, UrControllerOptions options)
    {
        _arm = arm;
        _cell = cell;
        Options = options;
        _robotMode = options.InitialRobotMode;
    }

    /// <summary>Settings in force.</summary>
    public UrControllerOptions Options { get; }

    /// <summary>The emulated arm.</summary>
    public SimArm Arm => _arm;

    /// <summary>Bound RTDE port.</summary>
    public int RtdePort { get; private set; }

    /// <summary>Bound secondary interface port.</summary>
    public int SecondaryPort { get; private set; }

    /// <summary>Bound dashboard port.</summary>
    public int DashboardPort { get; private set; }

    /// <summary>Malformed packages received from RTDE clients (each reset its connection).</summary>
    public long MalformedPackages => Interlocked.Read(ref _malformed);

    /// <summary>Controller ticks run.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    /// <summary>Ticks that started more than one period late (the grid was re-anchored).</summary>
    public long MissedTicks => Interlocked.Read(ref _missedTicks);

    /// <summary>Text messages RTDE clients sent to the controller log.</summary>
    public IReadOnlyCollection<RtdeTextMessage> ClientMessages => _clientMessages;

    /// <summary>
    /// Starts the emulator: configures and activates the arm in twist mode, binds the three servers and starts the tick
    /// thread.
    /// </summary>
    /// <param name="arm">The arm, Unconfigured, owned by the emulator from now on.</param>
    /// <param name="cell">The cell the arm lives in (e-stop input).</param>
    /// <param name="options">Settings (null: defaults, free loopback ports).</param>
    /// <returns>The running emulator.</returns>
    /// <exception cref="InvalidOperationException">The arm did not come up.</exception>
    /// <exception cref="SocketException">A port could not be bound.</exception>
    public static UrControllerEmulator Start(SimArm arm, SimCell cell, UrControllerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(cell);
        var e = new UrControllerEmulator(arm, cell, options ?? new UrControllerOptions());
        try
        {
            if (arm.Configure() != CallbackReturn.Success || arm.Activate() != CallbackReturn.Success
                || arm.PrepareModeSwitch((int)ArmCommandMode.Twist) != CallbackReturn.Success || arm.PerformModeSwitch() != HardwareResult.Ok)
            {
                throw new InvalidOperationException($"emulated arm '{arm.Name}' did not come up: {arm.LastError}");
            }

            e.RtdePort = e.Listen(e.Options.RtdePort, s => new RtdeServerSession(e, s));
            e.SecondaryPort = e.Listen(e.Options.SecondaryPort, s => new SecondarySession(e, s));
            e.DashboardPort = e.Listen(e.Options.DashboardPort, s => new DashboardSession(e, s));
            e.Tick(0, 0);
            e._ticker = new Thread(e.TickLoop) { IsBackground = true, Name = "ur-emulator-tick", Priority = ThreadPriority.AboveNormal };
            e._ticker.Start();
            return e;
        }
        catch
        {
            e.Dispose();
            throw;
        }
    }

    /// <summary>Starts an emulator with a new simulated arm on <paramref name="cell"/> (one call, e.g. for <c>sim serve</c>).</summary>
    /// <param name="cell">The simulated cell.</param>
    /// <param name="options">Controller settings (null: defaults, free loopback ports).</param>
    /// <param name="arm">Arm model, mounting and limits (null: defaults).</param>
    /// <param name="name">Name of the emulated arm component.</param>
    /// <returns>The running emulator.</returns>
    /// <exception cref="System.Net.Sockets.SocketException">A port could not be bound.</exception>
    public static UrControllerEmulator Start(SimCell cell, UrControllerOptions? options = null, SimArmOptions? arm = null, string name = "ur.emulated") =>
        Start(new SimArm(name, cell, arm ?? new SimArmOptions()), cell, options);

    /// <summary>Stops the servers, closes every connection and the tick thread.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        foreach (var l in _listeners)
        {
            l.Stop();
        }

        IDisposable[] open;
        lock (_connections)
        {
            open = [.. _connections];
            _connections.Clear();
        }

        foreach (var c in open)
        {
            c.Dispose();
        }

        if (_ticker is not null && _ticker != Thread.CurrentThread)
        {
            _ticker.Join(TimeSpan.FromSeconds(2));
        }

        _stop.Dispose();
    }

    /// <summary>Seconds since the emulator started (the RTDE timestamp).</summary>
    internal double Now => _clock.Elapsed.TotalSeconds;

    /// <summary>Time since the controller started [µs] (the secondary interface's message timestamps).</summary>
    internal ulong UptimeMicroseconds => (ulong)(_clock.Elapsed.Ticks / (TimeSpan.TicksPerMillisecond / 1000));

    internal void CountMalformed() => Interlocked.Increment(ref _malformed);

    internal void LogClientMessage(in RtdeTextMessage m)
    {
        _clientMessages.Enqueue(m);
        while (_clientMessages.Count > 1000 && _clientMessages.TryDequeue(out _))
        {
        }
    }

    internal void Forget(IDisposable connection)
    {
        lock (_connections)
        {
            _connections.Remove(connection);
        }

        if (connection is RtdeServerSession s)
        {
            lock (_sync)
            {
                _sessions.Remove(s);
                foreach (var k in _inputOwners.Where(kv => kv.Value == s).Select(kv => kv.Key).ToList())
                {
                    _inputOwners.Remove(k);
                }
            }
        }
    }

    internal void AddSession(RtdeServerSession s)
    {
        lock (_sync)
        {
            _sessions.Add(s);
        }
    }

    /// <summary>Claims input fields for a session; fields held by another live session are answered IN_USE.</summary>
    internal bool TryClaimInputs(RtdeServerSession s, IReadOnlyList<string> names, bool[] inUse)
    {
        lock (_sync)
        {
            var ok = true;
            for (var i = 0; i < names.Count; i++)
            {
                inUse[i] = _inputOwners.TryGetValue(names[i], out var owner) && owner != s;
                ok &= !inUse[i];
            }

            if (ok)
            {
                foreach (var n in names)
                {
                    _inputOwners[n] = s;
                }
            }

            return ok;
        }
    }

    /// <summary>Applies an input data package under the controller lock.</summary>
    internal bool ApplyInputs(ReadOnlySpan<byte> fields, RtdeRecipe recipe)
    {
        lock (_sync)
        {
            return RtdeCodec.ReadFields(fields, recipe, ref _io);
        }
    }

    /// <summary>Sends a text message to every RTDE client.</summary>
    internal void Broadcast(string message, RtdeMessageLevel level)
    {
        var package = RtdePackets.TextMessage(message, "Controller", level);
        RtdeServerSession[] sessions;
        lock (_sync)
        {
            sessions = [.. _sessions];
        }

        foreach (var s in sessions)
        {
            s.SendRaw(package);
        }
    }

    private int Listen(int port, Func<Socket, IDisposable> accept)
    {
        var l = new TcpListener(IPAddress.Parse(Options.BindAddress), port);
        l.Start();
        _listeners.Add(l);
        var bound = ((IPEndPoint)l.LocalEndpoint).Port;
        var t = new Thread(() =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket s;
                try
                {
                    s = l.AcceptSocket();
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                s.NoDelay = true;
                var c = accept(s);
                lock (_connections)
                {
                    _connections.Add(c);
                }
            }
        })
        { IsBackground = true, Name = "ur-emulator-accept-" + bound };
        t.Start();
        return bound;
    }

    private void TickLoop()
    {
        var period = 1.0 / Options.RateHz;
        var periodTicks = (long)(period * Stopwatch.Frequency);
        var next = Stopwatch.GetTimestamp() + periodTicks;
        var last = Now;
        while (!_stop.IsCancellationRequested)
        {
            while (true)
            {
                var left = next - Stopwatch.GetTimestamp();
                if (left <= 0)
                {
                    break;
                }

                if (left * 1000 > Stopwatch.Frequency * 3 / 2)
                {
                    Thread.Sleep(1);
                }
                else
                {
                    Thread.Yield();
                }
            }

            next += periodTicks;
            if (Stopwatch.GetTimestamp() - next > periodTicks)
            {
                Interlocked.Increment(ref _missedTicks);
                next = Stopwatch.GetTimestamp() + periodTicks;
            }

            var now = Now;
            Tick(now, Math.Clamp(now - last, 0, 0.05));
            last = now;
        }
    }
}
