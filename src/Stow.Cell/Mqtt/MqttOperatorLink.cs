using System.Buffers;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Formatter;
using Stow.Cell.PackML;
using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Time;

namespace Stow.Cell.Mqtt;

/// <summary>
/// The cell's MQTT operator interface (docs/mqtt.md) over MQTTnet, MQTT 5: retained status (online flag with a last
/// will, PackML state, pod fill, current stow), prompts to operators with ids (MQTT 5 message expiry) and their
/// acknowledgements, and PackML commands from the plant supervisor. Everything it publishes is JSON with
/// <c>"schema":1</c> (content type <c>application/json</c>), QoS 1; anything it receives that is malformed, unknown or
/// of another schema is logged, reported on <see cref="PayloadRejected"/> and changes nothing.
/// </summary>
/// <remarks>
/// Reconnects: an <see cref="MqttClientSupervisor"/> pings and reconnects with back-off; on every (re)connect the link
/// re-subscribes, marks the cell online, and re-publishes the latest status and every unanswered prompt (the broker
/// may have lost its retained store). Publishing: the publish methods return at once; messages go out in call order
/// from one sender task, which waits out a disconnect and then sends what is queued; a PUBACK with a failure reason
/// code is logged as an error. Threading: every member is thread-safe. <see cref="PromptAcknowledged"/>,
/// <see cref="SupervisorCommand"/> and <see cref="PayloadRejected"/> are raised one at a time, in arrival order, on
/// MQTTnet's receive task: handlers must not block (the next message waits). Lifecycle: construct,
/// <see cref="ConnectAsync"/>, publish and prompt, <see cref="DisposeAsync"/> (publishes online=false, sends what is
/// queued, then disconnects cleanly).
/// </remarks>
public sealed partial class MqttOperatorLink : IDisposable, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OperatorPrompt> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _status = new(StringComparer.Ordinal);
    private readonly MqttClientSupervisor _client;
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly TimeSpan _promptExpiry;
    private long _promptSeq;
    private int _disposed;

    /// <summary>Creates the link (no traffic until <see cref="ConnectAsync"/>).</summary>
    /// <param name="options">Broker, credentials, TLS, prompt expiry.</param>
    /// <param name="clock">Time stamps of payloads (the cell's clock).</param>
    /// <param name="logger">Logger; null for none.</param>
    /// <param name="time">Time source of the network timers (ping, back-off, prompt refresh); null for wall time.</param>
    /// <exception cref="ArgumentException">Invalid cell id, prompt expiry or reconnect options; unreadable <see cref="MqttOperatorOptions.CaFile"/>.</exception>
    public MqttOperatorLink(MqttOperatorOptions options, IClock clock, ILogger? logger = null, TimeProvider? time = null)
    {
        Topics = new MqttTopics(options.CellId);
        if (options.PromptExpiry < TimeSpan.FromSeconds(2) || options.PromptExpiry.TotalSeconds > uint.MaxValue)
        {
            throw new ArgumentException($"Mqtt PromptExpiry {options.PromptExpiry} must be at least 2 s", nameof(options));
        }

        _promptExpiry = options.PromptExpiry;
        _clock = clock;
        _logger = logger ?? NullLogger.Instance;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(options.ClientId ?? "stowcell-" + options.CellId)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
            .WithCleanStart(true)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithWillTopic(Topics.Online)
            .WithWillPayload(MqttPayloads.Online(false, "last will", null))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillContentType(MqttPayloads.ContentType);
        if (options.Username is not null)
        {
            builder.WithCredentials(options.Username, options.Password);
        }

        if (options.UseTls)
        {
            var trust = options.CaFile is null ? null : LoadCa(options.CaFile);
            builder.WithTlsOptions(t =>
            {
                t.UseTls();
                if (trust is not null)
                {
                    t.WithTrustChain(trust);
                }
            });
        }

        var subscriptions = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(Topics.OperatorAck).WithAtLeastOnceQoS())
            .WithTopicFilter(f => f.WithTopic(Topics.PackMlCommand).WithAtLeastOnceQoS())
            .Build();
        _client = new MqttClientSupervisor(builder.Build(), subscriptions, options.Reconnect, _logger, time);
        _client.ConnectionChanged += OnConnectionChanged;
        _client.Client.ApplicationMessageReceivedAsync += e =>
        {
            OnMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
        _outbox = CreateOutbox();
        _sender = Task.Run(() => SendAsync(_stopSending.Token));
        _refresher = Task.Run(() => RefreshPromptsAsync(time ?? TimeProvider.System, _stopSending.Token));
    }

    /// <summary>An operator acknowledged a pending prompt.</summary>
    public event EventHandler<PromptAcknowledgedEventArgs>? PromptAcknowledged;

    /// <summary>A prompt was issued (raised on the caller of <see cref="Prompt"/>, after it is pending).</summary>
    public event EventHandler<OperatorPrompt>? PromptIssued;

    /// <summary>A pending prompt was withdrawn by the cell (raised on the caller of <see cref="WithdrawPrompt"/>).</summary>
    public event EventHandler<OperatorPrompt>? PromptWithdrawn;

    /// <summary>A valid PackML command arrived from the supervisor (the host decides whether to apply it).</summary>
    public event EventHandler<SupervisorCommandEventArgs>? SupervisorCommand;

    /// <summary>An incoming payload was rejected and changed nothing.</summary>
    public event EventHandler<PayloadRejectedEventArgs>? PayloadRejected;

    /// <summary>The broker connection came up or went down.</summary>
    public event EventHandler<MqttConnectionChangedEventArgs>? ConnectionChanged;

    /// <summary>The topic names of this cell.</summary>
    public MqttTopics Topics { get; }

    /// <summary>True while connected to the broker.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Prompts not yet acknowledged, oldest first.</summary>
    public IReadOnlyList<OperatorPrompt> PendingPrompts
    {
        get
        {
            lock (_gate)
            {
                return [.. _pending.Values.OrderBy(p => p.IssuedAt).ThenBy(p => p.Id, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Connects and waits for the broker to accept (see <see cref="MqttClientSupervisor.ConnectAsync"/>).</summary>
    /// <exception cref="MqttConnectException">Bad credentials or not authorised (the MQTT 5 reason code says which).</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the broker accepted.</exception>
    public Task ConnectAsync(CancellationToken cancellationToken) => _client.ConnectAsync(cancellationToken);

    /// <summary>Publishes the PackML state and unit mode (retained, <c>status/state</c>).</summary>
    public void PublishState(PackMlState state, UnitMode mode) =>
        PublishStatus(Topics.State, MqttPayloads.State(state, mode, _clock.UtcNow));

    /// <summary>Publishes the fill of the pod at the face (retained, <c>status/pod</c>).</summary>
    public void PublishPodFill(PodFillStatus pod) => PublishStatus(Topics.Pod, MqttPayloads.Pod(pod, _clock.UtcNow));

    /// <summary>Publishes the stow under way, or null when none (retained, <c>status/stow</c>).</summary>
    public void PublishCurrentStow(CurrentStowStatus? stow) => PublishStatus(Topics.Stow, MqttPayloads.Stow(stow, _clock.UtcNow));

    /// <summary>Publishes the stow under way as one line of text, or null when none (retained, <c>status/stow</c>).</summary>
    public void PublishCurrentStowSummary(string? summary) => PublishStatus(Topics.Stow, MqttPayloads.StowSummary(summary, _clock.UtcNow));

    /// <summary>
    /// Issues a prompt to operators (retained on <c>prompts/&lt;id&gt;</c>, MQTT 5 message expiry
    /// <see cref="MqttOperatorOptions.PromptExpiry"/>); it stays pending, and is re-sent after every reconnect and every half
    /// expiry, until acknowledged or withdrawn. Works while disconnected (sent on connect).
    /// </summary>
    /// <returns>The prompt with its new id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined <see cref="PromptKind"/>.</exception>
    public OperatorPrompt Prompt(PromptKind kind, string message, PodId? pod = null, BinId? bin = null, ItemId? item = null)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a defined PromptKind");
        }

        var prefix = kind switch { PromptKind.PodSwap => "podswap", PromptKind.ClearJam => "jam", _ => "exception" };
        var id = string.Create(CultureInfo.InvariantCulture,
            $"{prefix}-{Interlocked.Increment(ref _promptSeq)}-{Guid.NewGuid().ToString("N")[..8]}");
        var prompt = new OperatorPrompt(id, kind, message, _clock.UtcNow, pod, bin, item);
        lock (_gate)
        {
            _pending[id] = prompt;
        }

        _logger.LogInformation("Operator prompt {Id} ({Kind}): {Message}", id, kind, message);
        Send(PromptMessage(prompt));
        PromptIssued?.Invoke(this, prompt);
        return prompt;
    }

    /// <summary>
    /// Issues again, with its own id, a prompt that an earlier run of the cell issued and nobody answered (from the
    /// journal after a restart): it is pending again, sent like a new one, and <see cref="PromptIssued"/> is raised.
    /// </summary>
    /// <returns>False (nothing changes) when a prompt of that id is already pending.</returns>
    /// <exception cref="ArgumentException">The id is empty or not <c>[A-Za-z0-9-]</c>; the kind is not defined.</exception>
    public bool Reissue(OperatorPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (string.IsNullOrEmpty(prompt.Id) || !prompt.Id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || !Enum.IsDefined(prompt.Kind))
        {
            throw new ArgumentException($"prompt '{prompt.Id}' ({prompt.Kind}) cannot be re-issued: bad id or kind", nameof(prompt));
        }

        lock (_gate)
        {
            if (!_pending.TryAdd(prompt.Id, prompt))
            {
                return false;
            }
        }

        _logger.LogInformation("Operator prompt {Id} ({Kind}) re-issued from the journal: {Message}", prompt.Id, prompt.Kind, prompt.Message);
        Send(PromptMessage(prompt));
        PromptIssued?.Invoke(this, prompt);
        return true;
    }

    /// <summary>Withdraws a pending prompt the cell no longer needs (clears its retained message).</summary>
    /// <returns>False when no such prompt is pending.</returns>
    public bool WithdrawPrompt(string promptId)
    {
        OperatorPrompt? prompt;
        lock (_gate)
        {
            if (!_pending.Remove(promptId, out prompt))
            {
                return false;
            }
        }

        _logger.LogInformation("Operator prompt {Id} withdrawn", promptId);
        Send(Clear(Topics.Prompt(promptId)));
        PromptWithdrawn?.Invoke(this, prompt);
        return true;
    }

    /// <summary>
    /// Acknowledges a pending prompt: the one path for every channel (the <c>operator/ack</c> topic and the HMI), so an
    /// acknowledgement is one event to the cell whichever way it came: the prompt stops being pending, its retained
    /// message is cleared and <see cref="PromptAcknowledged"/> is raised once, on the calling thread.
    /// </summary>
    /// <param name="promptId">Id of the pending prompt.</param>
    /// <param name="operatorName">Who acknowledged (user name or payload field <c>operator</c>).</param>
    /// <param name="response">Free text response (may be empty).</param>
    /// <param name="channel">Where it came from: <c>mqtt</c> or <c>hmi</c>.</param>
    /// <returns>False (nothing changes) when no such prompt is pending: unknown, or already acknowledged.</returns>
    public bool Acknowledge(string promptId, string operatorName, string response, string channel)
    {
        OperatorPrompt? prompt;
        lock (_gate)
        {
            _pending.Remove(promptId, out prompt);
        }

        if (prompt is null)
        {
            return false;
        }

        _logger.LogInformation("Operator '{Operator}' acknowledged prompt {Id} ({Kind}) via {Channel}: {Response}",
            operatorName, prompt.Id, prompt.Kind, channel, response);
        Send(Clear(Topics.Prompt(prompt.Id)));
        PromptAcknowledged?.Invoke(this, new PromptAcknowledgedEventArgs(prompt, operatorName, response, _clock.UtcNow, channel));
        return true;
    }

    /// <summary>Marks the cell offline (retained), sends what is queued, disconnects cleanly; blocks up to about 5 s.</summary>
    public void Dispose() => Task.Run(() => DisposeAsync().AsTask()).GetAwaiter().GetResult();

    private static X509Certificate2Collection LoadCa(string path)
    {
        try
        {
            var ca = new X509Certificate2Collection();
            ca.ImportFromPemFile(path);
            return ca.Count > 0 ? ca : throw new ArgumentException($"Mqtt CaFile '{path}' holds no PEM certificate");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ArgumentException($"Mqtt CaFile '{path}' cannot be read as PEM certificates: {e.Message}", e);
        }
    }

    private void PublishStatus(string topic, byte[] payload)
    {
        lock (_gate)
        {
            _status[topic] = payload;
        }

        Send(Json(topic, payload));
    }

    private void OnConnectionChanged(object? sender, MqttConnectionChangedEventArgs e)
    {
        if (e.Connected)
        {
            Send(Json(Topics.Online, MqttPayloads.Online(true, "connected", _clock.UtcNow)));
            KeyValuePair<string, byte[]>[] status;
            OperatorPrompt[] prompts;
            lock (_gate)
            {
                status = [.. _status];
                prompts = [.. _pending.Values];
            }

            foreach (var (topic, payload) in status)
            {
                Send(Json(topic, payload));
            }

            foreach (var p in prompts)
            {
                Send(PromptMessage(p));
            }

            if (prompts.Length > 0)
            {
                _logger.LogInformation("Re-sent {Count} unanswered operator prompt(s) after connecting", prompts.Length);
            }
        }

        ConnectionChanged?.Invoke(this, e);
    }

    private void OnMessage(string topic, byte[] payload)
    {
        if (topic == Topics.OperatorAck)
        {
            OnAck(topic, payload);
        }
        else if (topic == Topics.PackMlCommand)
        {
            if (!MqttPayloads.TryParseCommand(payload, out var command, out var source, out var reason))
            {
                Reject(topic, payload, reason);
                return;
            }

            _logger.LogInformation("Supervisor command {Command} from '{Source}'", command, source);
            SupervisorCommand?.Invoke(this, new SupervisorCommandEventArgs(command, source));
        }
        else
        {
            Reject(topic, payload, "unexpected topic");
        }
    }

    private void OnAck(string topic, byte[] payload)
    {
        if (!MqttPayloads.TryParseAck(payload, out var ack, out var reason))
        {
            Reject(topic, payload, reason);
            return;
        }

        if (!Acknowledge(ack.PromptId, ack.Operator, ack.Response, "mqtt"))
        {
            Reject(topic, payload, $"no pending prompt '{ack.PromptId}' (unknown or already acknowledged)");
        }
    }

    private void Reject(string topic, byte[] payload, string reason)
    {
        var preview = MqttPayloads.Preview(payload);
        _logger.LogWarning("MQTT payload on {Topic} rejected: {Reason}; payload: {Preview}", topic, reason, preview);
        PayloadRejected?.Invoke(this, new PayloadRejectedEventArgs(topic, reason, preview));
    }
}
