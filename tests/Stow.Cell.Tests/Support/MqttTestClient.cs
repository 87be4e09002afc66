using System.Buffers;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Stow.Cell.Tests.Support;

/// <summary>One message as an observer received it, with its MQTT 5 properties.</summary>
internal sealed record ReceivedMessage(string Topic, byte[] Payload, bool Retained, uint MessageExpiryInterval, string? ContentType)
{
    public override string ToString() => $"{Topic} {(Retained ? "(retained) " : "")}{Encoding.UTF8.GetString(Payload)}";
}

/// <summary>An operator, supervisor or observer: a plain MQTTnet 5 client (MQTT 5, no reconnects) that records what it receives.</summary>
internal sealed class MqttTestClient : IDisposable
{
    private readonly IMqttClient _client;

    private MqttTestClient(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var m = e.ApplicationMessage;
            Messages.Add(new ReceivedMessage(m.Topic, m.Payload.ToArray(), m.Retain, m.MessageExpiryInterval, m.ContentType));
            return Task.CompletedTask;
        };
    }

    public EventWaiter<ReceivedMessage> Messages { get; } = new();

    public static async Task<MqttTestClient> ConnectAsync(int port, string id, string[] subscriptions, string? user = null, string? password = null)
    {
        var c = new MqttTestClient(new MqttClientFactory().CreateMqttClient());
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(id)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCleanStart(true);
        if (user is not null)
        {
            options.WithCredentials(user, password);
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await c._client.ConnectAsync(options.Build(), cts.Token);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        if (subscriptions.Length > 0)
        {
            var sub = new MqttClientSubscribeOptionsBuilder();
            foreach (var s in subscriptions)
            {
                sub.WithTopicFilter(f => f.WithTopic(s).WithAtLeastOnceQoS());
            }

            var suback = await c._client.SubscribeAsync(sub.Build(), cts.Token);
            Assert.All(suback.Items, i => Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, i.ResultCode));
        }

        return c;
    }

    /// <summary>Publishes (QoS 1, not retained) and asserts that the broker's PUBACK reports success.</summary>
    public void Publish(string topic, string payload)
    {
        var code = TryPublish(topic, payload);
        Assert.True(code is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers, $"PUBACK {code}");
    }

    /// <summary>Publishes (QoS 1, not retained) and returns the reason code of the broker's PUBACK.</summary>
    public MqttClientPublishReasonCode TryPublish(string topic, string payload) => Task.Run(async () =>
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var m = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        return (await _client.PublishAsync(m, cts.Token)).ReasonCode;
    }).GetAwaiter().GetResult();

    public Task<ReceivedMessage> WaitAsync(string topic, Func<JsonElement, bool>? match = null, double seconds = 10) =>
        Messages.WaitAsync(m => m.Topic == topic && m.Payload.Length > 0 && (match is null || match(Json(m))), seconds, "message on " + topic);

    public static JsonElement Json(ReceivedMessage m)
    {
        using var d = JsonDocument.Parse(m.Payload);
        return d.RootElement.Clone();
    }

    public void Dispose() => _client.Dispose();
}
