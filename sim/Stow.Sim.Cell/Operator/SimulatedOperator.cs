using System.Text.Json;
using Microsoft.Extensions.Logging;
using Stow.Cell.Mqtt;

namespace Stow.Sim.Cell.Operator;

/// <summary>
/// A simulated operator: a separate MQTT client that watches the cell's prompts
/// (<c>stowcell/&lt;cell-id&gt;/prompts/+</c>) and acknowledges each one on <c>operator/ack</c>, as a
/// person at the workcell would (docs/mqtt.md). Callbacks run on libmosquitto's thread and only
/// publish; nothing blocks there. Counts what it acknowledged.
/// </summary>
public sealed class SimulatedOperator : IDisposable
{
    private readonly MosquittoClient _client;
    private readonly MqttTopics _topics;
    private readonly ILogger _log;
    private int _acknowledged;

    /// <summary>Creates the operator's client (not yet connected).</summary>
    public SimulatedOperator(string cellId, string host, int port, string? username, string? password, ILogger log)
    {
        _topics = new MqttTopics(cellId);
        _log = log;
        _client = new MosquittoClient(new MosquittoClientOptions
        {
            Host = host,
            Port = port,
            ClientId = $"sim-operator-{cellId}",
            Username = username,
            Password = password,
            Subscriptions = [_topics.Prompts],
        }, log);
        _client.MessageReceived += OnMessage;
    }

    /// <summary>Prompts acknowledged so far.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Connects and subscribes.</summary>
    public Task ConnectAsync(CancellationToken ct) => _client.ConnectAsync(ct);

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private void OnMessage(object? sender, MqttMessage m)
    {
        try
        {
            if (m.Payload.Length == 0)
            {
                return; // a cleared prompt
            }

            using var doc = JsonDocument.Parse(m.Payload);
            if (!doc.RootElement.TryGetProperty("id", out var id) || id.GetString() is not { } promptId)
            {
                return;
            }

            var kind = doc.RootElement.TryGetProperty("kind", out var k) ? k.GetString() : "?";
            var ack = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["schema"] = 1, ["promptId"] = promptId, ["operator"] = "sim-operator", ["response"] = "done" });
            if (_client.Publish(_topics.OperatorAck, ack))
            {
                Interlocked.Increment(ref _acknowledged);
                _log.LogInformation("simulated operator acknowledged {Kind} prompt {Prompt}", kind, promptId);
            }
        }
        catch (JsonException e)
        {
            _log.LogWarning("simulated operator ignored a malformed prompt on {Topic}: {Error}", m.Topic, e.Message);
        }
    }
}
