using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Stow.Cell.Mqtt;

/// <summary>
/// Keeps one MQTTnet <see cref="IMqttClient"/> connected: MQTTnet 5 has no managed client, so this is the loop its
/// maintainers advise: <c>TryPingAsync</c> on a timer, reconnect with exponential back-off
/// (<see cref="MqttReconnectOptions"/>), and re-subscribe after every connect (a restarted broker without
/// persistence has forgotten the subscriptions). Callers publish and receive through <see cref="Client"/> with
/// MQTTnet's own API (<c>PublishAsync</c>, <c>ApplicationMessageReceivedAsync</c>).
/// </summary>
/// <remarks>
/// Failures carry MQTT 5 reason codes: a refused CONNACK (<see cref="MqttConnectException.ResultCode"/>), a refused
/// subscription (SUBACK code, logged as an error), the broker's DISCONNECT reason (logged, and in
/// <see cref="MqttConnectionChangedEventArgs.Code"/>). Threading: every member is thread-safe. The supervision loop
/// runs on one thread-pool task; <see cref="ConnectionChanged"/> is raised on that task (connect) or on MQTTnet's
/// task (disconnect), one at a time per change; handlers must not block, and an exception from a handler is logged.
/// Time: the ping interval and the back-off read <see cref="TimeProvider"/> (wall time by default), since they pace
/// a network link, not the cell's logic. Lifecycle: construct, <see cref="ConnectAsync"/> once,
/// <see cref="DisposeAsync"/> (stops the loop, disconnects cleanly so the broker does not send the last will).
/// </remarks>
public sealed class MqttClientSupervisor : IAsyncDisposable
{
    private readonly MqttClientSubscribeOptions? _subscriptions;
    private readonly MqttReconnectOptions _reconnect;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private TaskCompletionSource _connectedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _firstConnect;
    private Task? _loop;
    private bool _connected;
    private int _disposed;

    /// <summary>Creates the client (no network traffic until <see cref="ConnectAsync"/>).</summary>
    /// <param name="options">MQTTnet connect options (<see cref="MqttClientOptionsBuilder"/>): server, protocol version, credentials, TLS, last will.</param>
    /// <param name="subscriptions">Subscriptions made after every connect, or null for none.</param>
    /// <param name="reconnect">Ping interval and back-off; null for the defaults.</param>
    /// <param name="logger">Logger; null for none.</param>
    /// <param name="time">Time source of the ping timer and back-off; null for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">Invalid <paramref name="reconnect"/>.</exception>
    public MqttClientSupervisor(MqttClientOptions options, MqttClientSubscribeOptions? subscriptions = null,
        MqttReconnectOptions? reconnect = null, ILogger? logger = null, TimeProvider? time = null)
    {
        Options = options;
        _subscriptions = subscriptions;
        _reconnect = reconnect ?? new MqttReconnectOptions();
        _reconnect.Validate();
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        Client = new MqttClientFactory().CreateMqttClient();
        Client.DisconnectedAsync += OnDisconnectedAsync;
    }

    /// <summary>The connection came up (every subscription answered) or went down.</summary>
    public event EventHandler<MqttConnectionChangedEventArgs>? ConnectionChanged;

    /// <summary>The MQTTnet client: publish with <c>PublishAsync</c>, receive with <c>ApplicationMessageReceivedAsync</c>.</summary>
    public IMqttClient Client { get; }

    /// <summary>The connect options in force.</summary>
    public MqttClientOptions Options { get; }

    /// <summary>True from an accepted connect with its subscriptions answered to the next disconnect.</summary>
    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _connected;
            }
        }
    }

    /// <summary>
    /// Starts the supervision loop and waits for the first accepted connection with every subscription answered.
    /// While the broker is unreachable the loop keeps trying (with back-off) until <paramref name="cancellationToken"/>
    /// fires; it then keeps trying in the background until disposed.
    /// </summary>
    /// <exception cref="MqttConnectException">The broker refused the first connect (bad credentials, not authorised: the reason code says which); the loop stops.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before a connection was accepted.</exception>
    /// <exception cref="InvalidOperationException">Called a second time.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource first;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            if (_loop is not null)
            {
                throw new InvalidOperationException("ConnectAsync was already called; the client reconnects by itself");
            }

            first = _firstConnect = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _loop = Task.Run(() => SuperviseAsync(_stop.Token), CancellationToken.None);
        }

        await first.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Completes when the client is connected (at once if it is now).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    public Task WaitConnectedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _connectedSignal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Stops the loop, disconnects cleanly (reason Normal disconnection: no last will) and disposes the client.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        if (_loop is { } loop)
        {
            await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _firstConnect?.TrySetException(new ObjectDisposedException(nameof(MqttClientSupervisor)));
        if (Client.IsConnected)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder()
                    .WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token);
            }
            catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException)
            {
                _logger.LogDebug("MQTT {Client}: clean disconnect failed: {Error}", Options.ClientId, e.Message);
            }
        }

        MarkDisconnected(0, "disconnected on request");
        Client.Dispose();
        _stop.Dispose();
    }

    private async Task SuperviseAsync(CancellationToken token)
    {
        var failures = 0;
        while (!token.IsCancellationRequested)
        {
            if (IsConnected)
            {
                await PauseAsync(_reconnect.PingInterval, wakeable: true, token);
                if (token.IsCancellationRequested)
                {
                    break;
                }

                if (Client.IsConnected && await Client.TryPingAsync(token))
                {
                    continue;
                }

                MarkDisconnected((int)MqttClientDisconnectReason.UnspecifiedError, "no answer to a ping");
                failures = 0;
            }

            try
            {
                await ConnectOnceAsync(token);
                failures = 0;
                MarkConnected();
                continue;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (MqttConnectException e) when (_firstConnect is { Task.IsCompleted: false })
            {
                _logger.LogError("MQTT {Client}: {Error}", Options.ClientId, e.Message);
                _firstConnect.TrySetException(e); // refused credentials: do not keep knocking
                return;
            }
            catch (MqttConnectException e)
            {
                _logger.LogError("MQTT {Client}: {Error}; retrying", Options.ClientId, e.Message);
            }
            catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or System.Net.Sockets.SocketException)
            {
                var log = failures == 0 ? LogLevel.Warning : LogLevel.Debug;
                _logger.Log(log, "MQTT {Client}: connect to {Server} failed ({Error}); retrying with back-off",
                    Options.ClientId, Options.ChannelOptions, e.Message);
            }

            await PauseAsync(_reconnect.DelayFor(failures++), wakeable: false, token);
        }
    }

    private async Task ConnectOnceAsync(CancellationToken token)
    {
        if (Client.IsConnected)
        {
            await Client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), token);
        }

        MqttClientConnectResult result;
        try
        {
            result = await Client.ConnectAsync(Options, token);
        }
        catch (MqttConnectingFailedException e)
        {
            throw new MqttConnectException(MqttClientConnectResultCode.UnspecifiedError, Refused(MqttClientConnectResultCode.UnspecifiedError, e.Message), e);
        }

        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new MqttConnectException(result.ResultCode, Refused(result.ResultCode, result.ReasonString));
        }

        if (_subscriptions is null)
        {
            return;
        }

        var suback = await Client.SubscribeAsync(_subscriptions, token);
        foreach (var item in suback.Items)
        {
            if ((int)item.ResultCode >= 0x80)
            {
                _logger.LogError("MQTT {Client}: broker refused the subscription {Filter}: {Code} ({Number}){Reason}", Options.ClientId,
                    item.TopicFilter.Topic, item.ResultCode, (int)item.ResultCode, suback.ReasonString is { Length: > 0 } r ? ", " + r : "");
            }
        }
    }

    private string Refused(MqttClientConnectResultCode code, string? reason) =>
        $"broker {Options.ChannelOptions} refused the connection of '{Options.ClientId}': {code} ({(int)code})" +
        (string.IsNullOrEmpty(reason) ? "" : ", " + reason);

    private async Task PauseAsync(TimeSpan delay, bool wakeable, CancellationToken token)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(token);
        var sleep = Task.Delay(delay, _time, cts.Token);
        var wake = wakeable ? _wake.Reader.WaitToReadAsync(cts.Token).AsTask() : sleep;
        await Task.WhenAny(sleep, wake);
        await cts.CancelAsync();
        _wake.Reader.TryRead(out _);
        await Task.WhenAll(sleep, wake).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (e.ClientWasConnected)
        {
            var reason = e.Reason + (string.IsNullOrEmpty(e.ReasonString) ? "" : ", " + e.ReasonString) +
                (e.Exception is { } ex ? ": " + ex.Message : "");
            MarkDisconnected((int)e.Reason, reason);
            _wake.Writer.TryWrite(true);
        }

        return Task.CompletedTask;
    }

    private void MarkConnected()
    {
        lock (_gate)
        {
            _connected = true;
            _connectedSignal.TrySetResult();
        }

        _logger.LogInformation("MQTT {Client}: connected to {Server} (MQTT {Version})", Options.ClientId, Options.ChannelOptions, Options.ProtocolVersion);
        Raise(new MqttConnectionChangedEventArgs(true, (int)MqttClientConnectResultCode.Success, "success"));
        _firstConnect?.TrySetResult();
    }

    private void MarkDisconnected(int code, string reason)
    {
        lock (_gate)
        {
            if (!_connected)
            {
                return;
            }

            _connected = false;
            _connectedSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (code == 0)
        {
            _logger.LogInformation("MQTT {Client}: {Reason}", Options.ClientId, reason);
        }
        else
        {
            _logger.LogWarning("MQTT {Client}: connection lost ({Reason}, code {Code}); reconnecting", Options.ClientId, reason, code);
        }

        Raise(new MqttConnectionChangedEventArgs(false, code, reason));
    }

    private void Raise(MqttConnectionChangedEventArgs e)
    {
        try
        {
            ConnectionChanged?.Invoke(this, e);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "MQTT {Client}: connection handler failed", Options.ClientId);
        }
    }
}
