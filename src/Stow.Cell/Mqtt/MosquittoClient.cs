using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stow.Cell.Mqtt.Native;

namespace Stow.Cell.Mqtt;

/// <summary>
/// A thin, safe MQTT 3.1.1 client over libmosquitto (<c>libmosquitto.so.1</c>): one connection, its own network
/// thread (<c>mosquitto_loop_start</c>) that reconnects on its own, subscriptions restored in every connect
/// callback, an optional last will, QoS 0/1 publishing.
/// </summary>
/// <remarks>
/// Threading: <see cref="Publish"/> and <see cref="IsConnected"/> are thread-safe. libmosquitto's callbacks run
/// on its network thread; they only copy data and enqueue it, never block and never let an exception escape
/// into native code. <see cref="MessageReceived"/> and <see cref="ConnectionChanged"/> are raised one at a time,
/// in arrival order, on this client's dispatch task (a thread-pool thread), so handlers may block briefly; an
/// exception from a handler is logged. Lifecycle: construct, <see cref="ConnectAsync"/> once, <see cref="Dispose"/>
/// (disconnect, then <c>loop_stop(false)</c>, then destroy). Sources: mosquitto.h (libmosquitto 2.0) and
/// DEPENDENCIES.md "libmosquitto".
/// </remarks>
public sealed class MosquittoClient : IDisposable
{
    private static readonly Lazy<int> LibInit = new(LibMosquitto.LibInit, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly MosquittoClientOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<Action> _dispatch = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _firstConnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private readonly Task _dispatcher;
    private GCHandle _self;
    private IntPtr _mosq;
    private readonly HashSet<int> _awaitingSubAck = [];
    private volatile bool _connected;
    private bool _started;
    private bool _disposed;

    /// <summary>Creates and configures the client (no network traffic yet).</summary>
    /// <exception cref="MqttConnectException">libmosquitto could not create or configure the client.</exception>
    /// <exception cref="DllNotFoundException">libmosquitto.so.1 is not installed (Debian package libmosquitto1).</exception>
    public unsafe MosquittoClient(MosquittoClientOptions options, ILogger? logger = null)
    {
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _ = LibInit.Value;
        _self = GCHandle.Alloc(this);
        _mosq = LibMosquitto.New(options.ClientId, true, GCHandle.ToIntPtr(_self));
        if (_mosq == IntPtr.Zero)
        {
            _self.Free();
            throw new MqttConnectException(-1, "mosquitto_new failed");
        }

        Check(LibMosquitto.IntOption(_mosq, LibMosquitto.OptProtocolVersion, LibMosquitto.ProtocolV311), "protocol version");
        if (options.Username is not null)
        {
            Check(LibMosquitto.UsernamePwSet(_mosq, options.Username, options.Password), "username/password");
        }

        if (options.LastWill is { } will)
        {
            fixed (byte* p = will.Payload)
            {
                Check(LibMosquitto.WillSet(_mosq, will.Topic, will.Payload.Length, p, 1, will.Retain), "last will");
            }
        }

        Check(LibMosquitto.ReconnectDelaySet(_mosq, options.ReconnectDelay.Min, options.ReconnectDelay.Max, false), "reconnect delay");
        LibMosquitto.ConnectCallbackSet(_mosq, &OnConnect);
        LibMosquitto.DisconnectCallbackSet(_mosq, &OnDisconnect);
        LibMosquitto.MessageCallbackSet(_mosq, &OnMessage);
        LibMosquitto.SubscribeCallbackSet(_mosq, &OnSubscribe);
        _dispatcher = Task.Run(DispatchAsync);
    }

    /// <summary>A message arrived on a subscribed topic (raised on the dispatch task).</summary>
    public event EventHandler<MqttMessage>? MessageReceived;

    /// <summary>The connection came up or went down (raised on the dispatch task).</summary>
    public event EventHandler<MqttConnectionChangedEventArgs>? ConnectionChanged;

    /// <summary>True from the broker's acknowledgement of every subscription after a connect to the next disconnect.</summary>
    public bool IsConnected => _connected;

    /// <summary>The options in force.</summary>
    public MosquittoClientOptions Options => _options;

    /// <summary>
    /// Starts the network thread and waits for the first accepted connection with every subscription acknowledged. If the broker is not reachable yet
    /// the thread keeps trying (every <see cref="MosquittoClientOptions.ReconnectDelay"/>) until
    /// <paramref name="cancellationToken"/> fires.
    /// </summary>
    /// <exception cref="MqttConnectException">The broker refused the connection (bad credentials, not authorised).</exception>
    /// <exception cref="OperationCanceledException">Cancelled before a connection was accepted.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                throw new InvalidOperationException("ConnectAsync was already called; the client reconnects by itself");
            }

            _started = true;
            var rc = LibMosquitto.ConnectAsync(_mosq, _options.Host, _options.Port, _options.KeepAliveSeconds);
            if (rc != LibMosquitto.Success)
            {
                _logger.LogWarning("MQTT {Client}: first connect to {Host}:{Port} failed ({Reason}); retrying",
                    _options.ClientId, _options.Host, _options.Port, LibMosquitto.ErrorText(rc));
            }

            Check(LibMosquitto.LoopStart(_mosq), "loop_start");
        }

        using var reg = cancellationToken.Register(() => _firstConnect.TrySetCanceled(cancellationToken));
        await _firstConnect.Task;
    }

    /// <summary>Publishes <paramref name="payload"/> to <paramref name="topic"/> (QoS 0 or 1).</summary>
    /// <returns>True when libmosquitto accepted it for sending; false (logged) when not connected or on error.</returns>
    public unsafe bool Publish(string topic, ReadOnlySpan<byte> payload, int qos = 1, bool retain = false)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            int mid;
            int rc;
            fixed (byte* p = payload)
            {
                rc = LibMosquitto.Publish(_mosq, &mid, topic, payload.Length, p, qos, retain);
            }

            if (rc != LibMosquitto.Success)
            {
                _logger.LogDebug("MQTT {Client}: publish to {Topic} not sent ({Reason})", _options.ClientId, topic, LibMosquitto.ErrorText(rc));
                return false;
            }

            return true;
        }
    }

    /// <summary>Disconnects cleanly (no last will), stops the network thread and frees the native client.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_started)
            {
                var drc = LibMosquitto.Disconnect(_mosq);
                var lrc = LibMosquitto.LoopStop(_mosq, false);
                _logger.LogDebug("MQTT {Client}: disconnect {Disconnect}, loop_stop {LoopStop}", _options.ClientId,
                    LibMosquitto.ErrorText(drc), LibMosquitto.ErrorText(lrc));
            }

            _connected = false;
            LibMosquitto.Destroy(_mosq);
            _mosq = IntPtr.Zero;
            _self.Free();
        }

        _firstConnect.TrySetException(new ObjectDisposedException(nameof(MosquittoClient)));
        _dispatch.Writer.TryComplete();
    }

    private static MosquittoClient? From(IntPtr obj) => obj == IntPtr.Zero ? null : GCHandle.FromIntPtr(obj).Target as MosquittoClient;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnConnect(IntPtr mosq, IntPtr obj, int rc)
    {
        try
        {
            From(obj)?.HandleConnect(rc);
        }
        catch (Exception)
        {
            // Never let an exception cross into native code.
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDisconnect(IntPtr mosq, IntPtr obj, int rc)
    {
        try
        {
            From(obj)?.HandleDisconnect(rc);
        }
        catch (Exception)
        {
            // Never let an exception cross into native code.
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe void OnSubscribe(IntPtr mosq, IntPtr obj, int mid, int qosCount, int* grantedQos)
    {
        try
        {
            From(obj)?.HandleSubscribe(mid, qosCount > 0 && grantedQos != null ? grantedQos[0] : -1);
        }
        catch (Exception)
        {
            // Never let an exception cross into native code.
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe void OnMessage(IntPtr mosq, IntPtr obj, MosquittoMessage* message)
    {
        try
        {
            From(obj)?.HandleMessage(message);
        }
        catch (Exception)
        {
            // Never let an exception cross into native code.
        }
    }

    private unsafe void HandleConnect(int rc)
    {
        if (rc != 0)
        {
            var reason = LibMosquitto.ConnackText(rc);
            _connected = false;
            _logger.LogError("MQTT {Client}: broker refused the connection: {Reason} ({Code})", _options.ClientId, reason, rc);
            if (!_firstConnect.Task.IsCompleted)
            {
                _ = LibMosquitto.Disconnect(_mosq) == LibMosquitto.Success; // stop retrying with refused credentials
                _firstConnect.TrySetException(new MqttConnectException(rc, $"broker refused the connection: {reason} ({rc})"));
            }

            Enqueue(() => ConnectionChanged?.Invoke(this, new MqttConnectionChangedEventArgs(false, rc, reason)));
            return;
        }

        var ready = true;
        lock (_awaitingSubAck)
        {
            _awaitingSubAck.Clear();
            foreach (var filter in _options.Subscriptions)
            {
                int mid;
                var src = LibMosquitto.Subscribe(_mosq, &mid, filter, 1);
                if (src != LibMosquitto.Success)
                {
                    _logger.LogError("MQTT {Client}: subscribe {Filter} failed: {Reason}", _options.ClientId, filter, LibMosquitto.ErrorText(src));
                }
                else
                {
                    _awaitingSubAck.Add(mid);
                    ready = false;
                }
            }
        }

        if (ready)
        {
            Ready();
        }
    }

    private void HandleSubscribe(int mid, int grantedQos)
    {
        if (grantedQos is < 0 or > 2)
        {
            _logger.LogError("MQTT {Client}: broker refused a subscription (granted {Qos}; ACL?)", _options.ClientId, grantedQos);
        }

        bool ready;
        lock (_awaitingSubAck)
        {
            ready = _awaitingSubAck.Remove(mid) && _awaitingSubAck.Count == 0;
        }

        if (ready)
        {
            Ready();
        }
    }

    private void Ready()
    {
        _connected = true;
        _logger.LogInformation("MQTT {Client}: connected to {Host}:{Port}", _options.ClientId, _options.Host, _options.Port);
        Enqueue(() => ConnectionChanged?.Invoke(this, new MqttConnectionChangedEventArgs(true, 0, "accepted")));
        _firstConnect.TrySetResult();
    }

    private void HandleDisconnect(int rc)
    {
        _connected = false;
        var reason = rc == 0 ? "disconnected on request" : LibMosquitto.ErrorText(rc);
        if (rc == 0)
        {
            _logger.LogInformation("MQTT {Client}: {Reason}", _options.ClientId, reason);
        }
        else
        {
            _logger.LogWarning("MQTT {Client}: connection lost ({Reason}); reconnecting", _options.ClientId, reason);
        }

        Enqueue(() => ConnectionChanged?.Invoke(this, new MqttConnectionChangedEventArgs(false, rc, reason)));
    }

    private unsafe void HandleMessage(MosquittoMessage* m)
    {
        var topic = Marshal.PtrToStringUTF8(m->Topic) ?? "";
        var payload = m->Payload == IntPtr.Zero || m->PayloadLen <= 0
            ? []
            : new ReadOnlySpan<byte>((void*)m->Payload, m->PayloadLen).ToArray();
        var msg = new MqttMessage(topic, payload, m->Retain != 0);
        Enqueue(() => MessageReceived?.Invoke(this, msg));
    }

    private void Enqueue(Action a) => _dispatch.Writer.TryWrite(a);

    private async Task DispatchAsync()
    {
        await foreach (var a in _dispatch.Reader.ReadAllAsync())
        {
            try
            {
                a();
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "MQTT {Client}: event handler failed", _options.ClientId);
            }
        }
    }

    private void Check(int rc, string what)
    {
        if (rc != LibMosquitto.Success)
        {
            throw new MqttConnectException(rc, $"libmosquitto {what}: {LibMosquitto.ErrorText(rc)}");
        }
    }
}
