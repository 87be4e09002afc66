using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stow.Cell.PackML;
using Stow.Core.Ids;
using Stow.Core.Time;

namespace Stow.Cell.Mqtt;

/// <summary>
/// The cell's MQTT operator interface (docs/mqtt.md): retained status (online flag with a last will, PackML
/// state, pod fill, current stow), prompts to operators with ids and their acknowledgements, and PackML
/// commands from the plant supervisor. Everything it publishes is JSON with <c>"schema":1</c>; anything it
/// receives that is malformed, unknown or of another schema is logged, reported on <see cref="PayloadRejected"/>
/// and changes nothing.
/// </summary>
/// <remarks>
/// Reconnects: libmosquitto reconnects by itself; on every (re)connect the link re-subscribes, marks the cell
/// online, and re-publishes the latest status and every unanswered prompt (the broker may have lost its
/// retained store). Threading: every member is thread-safe; events are raised one at a time on the client's
/// dispatch task (never on libmosquitto's thread). Lifecycle: construct, <see cref="ConnectAsync"/>, publish and
/// prompt, <see cref="Dispose"/> (publishes online=false, then disconnects cleanly).
/// </remarks>
public sealed class MqttOperatorLink : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, OperatorPrompt> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _status = new(StringComparer.Ordinal);
    private readonly MosquittoClient _client;
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private long _promptSeq;

    /// <summary>Creates the link (no traffic until <see cref="ConnectAsync"/>).</summary>
    /// <exception cref="ArgumentException">Invalid cell id.</exception>
    /// <exception cref="DllNotFoundException">libmosquitto.so.1 is not installed.</exception>
    public MqttOperatorLink(MqttOperatorOptions options, IClock clock, ILogger? logger = null)
    {
        Topics = new MqttTopics(options.CellId);
        _clock = clock;
        _logger = logger ?? NullLogger.Instance;
        _client = new MosquittoClient(new MosquittoClientOptions
        {
            Host = options.Host,
            Port = options.Port,
            ClientId = options.ClientId ?? "stowcell-" + options.CellId,
            Username = options.Username,
            Password = options.Password,
            KeepAliveSeconds = options.KeepAliveSeconds,
            Subscriptions = [Topics.OperatorAck, Topics.PackMlCommand],
            LastWill = new MqttLastWill(Topics.Online, MqttPayloads.Online(false, "last will", null), true),
            ReconnectDelay = (1, 2),
        }, _logger);
        _client.ConnectionChanged += OnConnectionChanged;
        _client.MessageReceived += OnMessage;
    }

    /// <summary>An operator acknowledged a pending prompt.</summary>
    public event EventHandler<PromptAcknowledgedEventArgs>? PromptAcknowledged;

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

    /// <summary>Connects and waits for the broker to accept (see <see cref="MosquittoClient.ConnectAsync"/>).</summary>
    /// <exception cref="MqttConnectException">Bad credentials or not authorised.</exception>
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
    /// Issues a prompt to operators (retained on <c>prompts/&lt;id&gt;</c>); it stays pending, and is re-sent after
    /// every reconnect, until acknowledged or withdrawn. Works while disconnected (sent on connect).
    /// </summary>
    /// <returns>The prompt with its new id.</returns>
    public OperatorPrompt Prompt(PromptKind kind, string message, PodId? pod = null, BinId? bin = null, ItemId? item = null)
    {
        var prefix = kind switch { PromptKind.PodSwap => "podswap", PromptKind.ClearJam => "jam", _ => "exception" };
        var id = string.Create(CultureInfo.InvariantCulture,
            $"{prefix}-{Interlocked.Increment(ref _promptSeq)}-{Guid.NewGuid().ToString("N")[..8]}");
        var prompt = new OperatorPrompt(id, kind, message, _clock.UtcNow, pod, bin, item);
        lock (_gate)
        {
            _pending[id] = prompt;
        }

        _logger.LogInformation("Operator prompt {Id} ({Kind}): {Message}", id, kind, message);
        _client.Publish(Topics.Prompt(id), MqttPayloads.Prompt(prompt), 1, retain: true);
        return prompt;
    }

    /// <summary>Withdraws a pending prompt the cell no longer needs (clears its retained message).</summary>
    /// <returns>False when no such prompt is pending.</returns>
    public bool WithdrawPrompt(string promptId)
    {
        lock (_gate)
        {
            if (!_pending.Remove(promptId))
            {
                return false;
            }
        }

        _logger.LogInformation("Operator prompt {Id} withdrawn", promptId);
        _client.Publish(Topics.Prompt(promptId), [], 1, retain: true);
        return true;
    }

    /// <summary>Marks the cell offline (retained), then disconnects cleanly and frees the client.</summary>
    public void Dispose()
    {
        if (_client.IsConnected)
        {
            _client.Publish(Topics.Online, MqttPayloads.Online(false, "shutdown", _clock.UtcNow), 1, retain: true);
        }

        _client.Dispose();
    }

    private void PublishStatus(string topic, byte[] payload)
    {
        lock (_gate)
        {
            _status[topic] = payload;
        }

        _client.Publish(topic, payload, 1, retain: true);
    }

    private void OnConnectionChanged(object? sender, MqttConnectionChangedEventArgs e)
    {
        if (e.Connected)
        {
            _client.Publish(Topics.Online, MqttPayloads.Online(true, "connected", _clock.UtcNow), 1, retain: true);
            KeyValuePair<string, byte[]>[] status;
            OperatorPrompt[] prompts;
            lock (_gate)
            {
                status = [.. _status];
                prompts = [.. _pending.Values];
            }

            foreach (var (topic, payload) in status)
            {
                _client.Publish(topic, payload, 1, retain: true);
            }

            foreach (var p in prompts)
            {
                _client.Publish(Topics.Prompt(p.Id), MqttPayloads.Prompt(p), 1, retain: true);
            }

            if (prompts.Length > 0)
            {
                _logger.LogInformation("Re-sent {Count} unanswered operator prompt(s) after connecting", prompts.Length);
            }
        }

        ConnectionChanged?.Invoke(this, e);
    }

    private void OnMessage(object? sender, MqttMessage m)
    {
        if (m.Topic == Topics.OperatorAck)
        {
            OnAck(m);
        }
        else if (m.Topic == Topics.PackMlCommand)
        {
            if (!MqttPayloads.TryParseCommand(m.Payload, out var command, out var source, out var reason))
            {
                Reject(m, reason);
                return;
            }

            _logger.LogInformation("Supervisor command {Command} from '{Source}'", command, source);
            SupervisorCommand?.Invoke(this, new SupervisorCommandEventArgs(command, source));
        }
        else
        {
            Reject(m, "unexpected topic");
        }
    }

    private void OnAck(MqttMessage m)
    {
        if (!MqttPayloads.TryParseAck(m.Payload, out var ack, out var reason))
        {
            Reject(m, reason);
            return;
        }

        OperatorPrompt? prompt;
        lock (_gate)
        {
            _pending.Remove(ack.PromptId, out prompt);
        }

        if (prompt is null)
        {
            Reject(m, $"no pending prompt '{ack.PromptId}' (unknown or already acknowledged)");
            return;
        }

        _logger.LogInformation("Operator '{Operator}' acknowledged prompt {Id} ({Kind}): {Response}",
            ack.Operator, prompt.Id, prompt.Kind, ack.Response);
        _client.Publish(Topics.Prompt(prompt.Id), [], 1, retain: true);
        PromptAcknowledged?.Invoke(this, new PromptAcknowledgedEventArgs(prompt, ack.Operator, ack.Response, _clock.UtcNow));
    }

    private void Reject(MqttMessage m, string reason)
    {
        var preview = MqttPayloads.Preview(m.Payload);
        _logger.LogWarning("MQTT payload on {Topic} rejected: {Reason}; payload: {Preview}", m.Topic, reason, preview);
        PayloadRejected?.Invoke(this, new PayloadRejectedEventArgs(m.Topic, reason, preview));
    }
}
