using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Stow.Hardware.Ur.Rtde;

/// <summary>
/// Client of the RTDE interface of a UR controller (TCP port 30004), protocol version 2 (RTDE guide): negotiation,
/// controller version, output and input recipes, start and pause, text messages, and the data packages.
/// <para>A dedicated receive thread reads every package from connection on. Data packages of the output recipe are
/// parsed without allocation into a back buffer and published as the latest <see cref="RtdeState"/> with a sequence
/// number; <see cref="WaitForNextState"/> lets a control loop run on the controller's own rhythm (500 Hz on e-Series).
/// Replies to requests are handed to the waiting request; text messages are queued.</para>
/// <para>Faults: a package with a size below the header, an unknown type, a data package whose recipe or size does
/// not match, a malformed text message, or a connection that ends inside a package is counted in
/// <see cref="MalformedPackages"/>, and the connection is closed (the stream cannot be re-synchronised);
/// <see cref="IsConnected"/> turns false, <see cref="FaultReason"/> says why, and waiters return false at once.
/// A state is never published from a package that failed its checks.</para>
/// <para>Threading: requests (setup, start, pause) from one thread at a time; <see cref="Send"/>,
/// <see cref="TryGetLatest"/> and <see cref="WaitForNextState"/> from the control loop; all are safe together.</para>
/// </summary>
public sealed partial class RtdeClient : IDisposable
{
    private readonly RtdeClientOptions _options;
    private readonly object _stateLock = new();
    private readonly object _requestLock = new();
    private readonly object _sendLock = new();
    private readonly ConcurrentQueue<RtdeTextMessage> _messages = new();
    private readonly ManualResetEventSlim _replyArrived = new(false);
    private Socket? _socket;
    private Thread? _thread;
    private RtdeRecipe? _outputs;
    private RtdeState _back;
    private RtdeState _latest;
    private ulong _sequence;
    private volatile bool _connected;
    private volatile string _faultReason = string.Empty;
    private long _malformed;
    private long _received;
    private int _expectedReply = -1;
    private byte[] _reply = [];

    /// <summary>Creates a client, not connected.</summary>
    /// <param name="options">Timeouts (null: defaults).</param>
    public RtdeClient(RtdeClientOptions? options = null) => _options = options ?? new RtdeClientOptions();

    /// <summary>True while the connection is up and no fault has closed it.</summary>
    public bool IsConnected => _connected;

    /// <summary>Why the connection ended (empty while connected or never connected).</summary>
    public string FaultReason => _faultReason;

    /// <summary>Packages that failed their checks (each one closed the connection).</summary>
    public long MalformedPackages => Interlocked.Read(ref _malformed);

    /// <summary>Data packages parsed and published.</summary>
    public long PackagesReceived => Interlocked.Read(ref _received);

    /// <summary>The output recipe in force, or null before <see cref="SetupOutputs"/>.</summary>
    public RtdeRecipe? Outputs => _outputs;

    /// <summary>Sequence number of the latest published state (0: none yet).</summary>
    public ulong Sequence => Volatile.Read(ref _sequence);

    /// <summary>Connects and starts the receive thread.</summary>
    /// <param name="host">Controller address.</param>
    /// <param name="port">RTDE port (30004 on a controller).</param>
    /// <exception cref="SocketException">The connection was refused or timed out.</exception>
    /// <exception cref="InvalidOperationException">Already connected.</exception>
    public void Connect(string host, int port)
    {
        if (_socket is not null)
        {
            throw new InvalidOperationException("RTDE client is already connected; dispose it and make a new one");
        }

        var s = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var cts = new CancellationTokenSource(_options.ConnectTimeout);
            s.ConnectAsync(host, port, cts.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            s.Dispose();
            throw new SocketException((int)SocketError.TimedOut);
        }
        catch
        {
            s.Dispose();
            throw;
        }

        _socket = s;
        _connected = true;
        _thread = new Thread(ReceiveLoop) { IsBackground = true, Name = "rtde-receive", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Requests a protocol version (RTDE_REQUEST_PROTOCOL_VERSION).</summary>
    /// <param name="version">Version, 2 by default.</param>
    /// <returns>True when the controller accepted it.</returns>
    /// <exception cref="RtdeException">No reply in time or no connection.</exception>
    public bool NegotiateProtocolVersion(ushort version = RtdePackets.ProtocolVersion)
    {
        Span<byte> p = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(p, version);
        var r = Request(RtdeCommand.RequestProtocolVersion, p);
        return r.Length == 1 ? r[0] != 0 : throw new RtdeException($"protocol version reply has {r.Length} bytes, expected 1");
    }

    /// <summary>Asks the controller's version (RTDE_GET_URCONTROL_VERSION).</summary>
    /// <returns>The version.</returns>
    /// <exception cref="RtdeException">No reply in time, or a reply that is not 16 bytes.</exception>
    public UrControlVersion GetControllerVersion()
    {
        var r = Request(RtdeCommand.GetUrControlVersion, []);
        if (r.Length != 16)
        {
            throw new RtdeException($"controller version reply has {r.Length} bytes, expected 16");
        }

        return new UrControlVersion(
            BinaryPrimitives.ReadUInt32BigEndian(r),
            BinaryPrimitives.ReadUInt32BigEndian(r.AsSpan(4)),
            BinaryPrimitives.ReadUInt32BigEndian(r.AsSpan(8)),
            BinaryPrimitives.ReadUInt32BigEndian(r.AsSpan(12)));
    }

    /// <summary>Sets up the output recipe (RTDE_CONTROL_PACKAGE_SETUP_OUTPUTS).</summary>
    /// <param name="names">Field names in the order they should arrive.</param>
    /// <param name="frequency">Output frequency [Hz] (at most 500 on e-Series).</param>
    /// <returns>The recipe as the controller confirmed it.</returns>
    /// <exception cref="RtdeException">The controller refused names (the message lists each NOT_FOUND one), or answered types
    /// that differ from what this client expects for the names.</exception>
    public RtdeRecipe SetupOutputs(IReadOnlyList<string> names, double frequency)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = Encoding.UTF8.GetBytes(string.Join(',', names));
        var p = new byte[8 + list.Length];
        BinaryPrimitives.WriteDoubleBigEndian(p, frequency);
        list.CopyTo(p, 8);
        var recipe = ParseSetupReply(Request(RtdeCommand.ControlPackageSetupOutputs, p), names, output: true);
        _outputs = recipe;
        return recipe;
    }

    /// <summary>Sets up an input recipe (RTDE_CONTROL_PACKAGE_SETUP_INPUTS).</summary>
    /// <param name="names">Field names.</param>
    /// <returns>The recipe, with its send buffer.</returns>
    /// <exception cref="RtdeException">Names NOT_FOUND or IN_USE (named in the message), or an id of 0.</exception>
    public RtdeInputRecipe SetupInputs(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var reply = Request(RtdeCommand.ControlPackageSetupInputs, Encoding.UTF8.GetBytes(string.Join(',', names)));
        return new RtdeInputRecipe(ParseSetupReply(reply, names, output: false));
    }

    /// <summary>Starts the synchronisation loop (RTDE_CONTROL_PACKAGE_START).</summary>
    /// <returns>True when accepted.</returns>
    /// <exception cref="RtdeException">No reply in time.</exception>
    public bool Start() => Accepted(Request(RtdeCommand.ControlPackageStart, []));

    /// <summary>Pauses the synchronisation loop (RTDE_CONTROL_PACKAGE_PAUSE).</summary>
    /// <returns>True when accepted.</returns>
    /// <exception cref="RtdeException">No reply in time.</exception>
    public bool Pause() => Accepted(Request(RtdeCommand.ControlPackagePause, []));

    /// <summary>Sends a text message to the controller's log (RTDE_TEXT_MESSAGE; no reply).</summary>
    /// <param name="message">Text (cut at 255 bytes).</param>
    /// <param name="source">Source name.</param>
    /// <param name="level">Warning level.</param>
    /// <returns>False when the connection is down.</returns>
    public bool SendTextMessage(string message, string source, RtdeMessageLevel level) =>
        SendRaw(RtdePackets.TextMessage(message, source, level));

    /// <summary>Sends the input fields of <paramref name="recipe"/> from <paramref name="inputs"/>. No allocation.</summary>
    /// <param name="recipe">An input recipe of this connection.</param>
    /// <param name="inputs">Values (the Input* fields and the speed slider are read).</param>
    /// <returns>False when the connection is down (nothing sent).</returns>
    public bool Send(RtdeInputRecipe recipe, in RtdeState inputs)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        lock (_sendLock)
        {
            var n = RtdeCodec.WritePackage(recipe.Buffer, recipe.Recipe, inputs);
            return SendLocked(recipe.Buffer.AsSpan(0, n));
        }
    }

    /// <summary>Copies the latest state.</summary>
    /// <param name="state">The state (default before the first package).</param>
    /// <returns>True when at least one package has arrived.</returns>
    public bool TryGetLatest(out RtdeState state)
    {
        lock (_stateLock)
        {
            state = _latest;
            return _sequence > 0;
        }
    }

    /// <summary>
    /// Waits until a state newer than <paramref name="afterSequence"/> is published, then copies it. No allocation.
    /// </summary>
    /// <param name="afterSequence">The sequence the caller has seen (<see cref="RtdeState.Sequence"/>).</param>
    /// <param name="timeout">Longest wait.</param>
    /// <param name="state">The newer state, or the latest one on timeout or fault.</param>
    /// <returns>True when a newer state arrived; false on timeout or when the connection is down.</returns>
    public bool WaitForNextState(ulong afterSequence, TimeSpan timeout, out RtdeState state)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_stateLock)
        {
            while (_sequence <= afterSequence && _connected)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0 || !Monitor.Wait(_stateLock, (int)left))
                {
                    break;
                }
            }

            state = _latest;
            return _sequence > afterSequence;
        }
    }

    /// <summary>Takes the oldest queued text message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>False when none is queued.</returns>
    public bool TryTakeTextMessage(out RtdeTextMessage message) => _messages.TryDequeue(out message);

    /// <summary>Closes the connection and waits for the receive thread.</summary>
    public void Dispose()
    {
        Close("disposed");
        _thread?.Join(TimeSpan.FromSeconds(2));
        _replyArrived.Dispose();
    }

    private static bool Accepted(byte[] reply) =>
        reply.Length == 1 ? reply[0] != 0 : throw new RtdeException($"start/pause reply has {reply.Length} bytes, expected 1");
}
