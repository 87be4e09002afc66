using System.Text;
using System.Text.Json;
using Stow.Cell.Mqtt;

namespace Stow.Cell.Tests.Support;

/// <summary>An operator, supervisor or observer: a MosquittoClient that records what it receives.</summary>
internal sealed class MqttTestClient : IDisposable
{
    private readonly MosquittoClient _client;

    private MqttTestClient(MosquittoClient client)
    {
        _client = client;
        _client.MessageReceived += (_, m) => Messages.Add(m);
    }

    public EventWaiter<MqttMessage> Messages { get; } = new();

    public static async Task<MqttTestClient> ConnectAsync(int port, string id, string[] subscriptions, string? user = null, string? password = null)
    {
        var c = new MqttTestClient(new MosquittoClient(new MosquittoClientOptions
        {
            Port = port, ClientId = id, Username = user, Password = password, Subscriptions = subscriptions,
        }));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await c._client.ConnectAsync(cts.Token);
        return c;
    }

    public void Publish(string topic, string payload) => Assert.True(_client.Publish(topic, Encoding.UTF8.GetBytes(payload)));

    public Task<MqttMessage> WaitAsync(string topic, Func<JsonElement, bool>? match = null, double seconds = 10) =>
        Messages.WaitAsync(m => m.Topic == topic && m.Payload.Length > 0 && (match is null || match(Json(m))), seconds, "message on " + topic);

    public static JsonElement Json(MqttMessage m)
    {
        using var d = JsonDocument.Parse(m.Payload);
        return d.RootElement.Clone();
    }

    public void Dispose() => _client.Dispose();
}
