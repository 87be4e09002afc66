using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using Stow.Cell.Mqtt;

namespace Stow.Sim.Cell.Operator;

/// <summary>
/// A simulated operator: a separate MQTT client (MQTTnet, MQTT 5, kept connected by an <see cref="MqttClientSupervisor"/>)
/// that watches the cell's prompts (<c>stowcell/&lt;cell-id&gt;/prompts/+</c>) and acknowledges each one on
/// <c>operator/ack</c>, as a person at the workcell would (docs/mqtt.md). Handlers run on MQTTnet's receive task and
/// only publish. Counts what it acknowledged. Thread-safe.
/// </summary>
public sealed class SimulatedOperator : IAsyncDisposable
{
    private readonly MqttClientSupervisor _client;
    private readonly MqttTopics _topics;
    private readonly ILogger _log;
    private int _acknowledged;

    /// <summary>Creates the operator's client (not yet connected).</summary>
    /// <param name="cellId">Cell whose prompts it answers.</param>
    /// <param name="host">Broker host.</param>
    /// <param name="port">Broker port.</param>
    /// <param name="username">Broker user name, or null for anonymous.</param>
    /// <param name="password">Password, or null.</param>
    /// <param name="log">Logger.</param>
    public SimulatedOperator(string cellId, string host, int port, string? username, string? password, ILogger log)
    {
        _topics = new MqttTopics(cellId);
        _log = log;
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"sim-operator-{cellId}")
            .WithCleanStart(true);
        if (username is not null)
        {
            options.WithCredentials(username, password);
        }

        var subscriptions = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(_topics.Prompts).WithAtLeastOnceQoS()).Build();
        _client = new MqttClientSupervisor(options.Build(), subscriptions, logger: log);
        _client.Client.ApplicationMessageReceivedAsync += e => OnPromptAsync(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
    }

    /// <summary>Prompts acknowledged so far.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Connects and subscribes.</summary>
    /// <exception cref="MqttConnectException">The broker refused the operator's credentials.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the broker accepted.</exception>
    public Task ConnectAsync(CancellationToken ct) => _client.ConnectAsync(ct);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private async Task OnPromptAsync(string topic, byte[] payload)
    {
        if (payload.Length == 0)
        {
            return; // a cleared prompt
        }

        string promptId;
        string kind;
        try
        {
            using var doc = JsonDocument.Parse(payload);
            if (!doc.RootElement.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                _log.LogWarning("simulated operator ignored a prompt without an id on {Topic}", topic);
                return;
            }

            promptId = id.GetString()!;
            kind = doc.RootElement.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "?";
        }
        catch (JsonException e)
        {
            _log.LogWarning("simulated operator ignored a malformed prompt on {Topic}: {Error}", topic, e.Message);
            return;
        }

        var ack = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["schema"] = 1, ["promptId"] = promptId, ["operator"] = "sim-operator", ["response"] = "done" });
        var message = new MqttApplicationMessageBuilder().WithTopic(_topics.OperatorAck).WithPayload(ack)
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build();
        try
        {
            var result = await _client.Client.PublishAsync(message);
            if ((int)result.ReasonCode >= 0x80)
            {
                _log.LogWarning("simulated operator's ack of {Prompt} refused by the broker: {Code}", promptId, result.ReasonCode);
                return;
            }
        }
        catch (MqttCommunicationException e)
        {
            _log.LogWarning("simulated operator could not acknowledge {Prompt}: {Error}", promptId, e.Message);
            return;
        }

        Interlocked.Increment(ref _acknowledged);
        _log.LogInformation("simulated operator acknowledged {Kind} prompt {Prompt}", kind, promptId);
    }
}
