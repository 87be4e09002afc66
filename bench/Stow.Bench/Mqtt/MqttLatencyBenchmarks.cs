using BenchmarkDotNet.Attributes;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Stow.Cell.Mqtt;

namespace Stow.Bench.Mqtt;

/// <summary>
/// MQTT publish-to-receive latency on loopback through a throwaway mosquitto broker (<see cref="MosquittoBrokerProcess"/>):
/// one MQTTnet 5 client publishes a 64-byte payload at QoS 1 (MQTT 5), another client subscribed at QoS 1 receives it; one
/// operation is publish (awaiting the PUBACK) until the subscriber's handler has the message. The same benchmark against
/// the former libmosquitto binding is in bench/RESULTS.md.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn, MaxColumn]
public class MqttLatencyBenchmarks
{
    private const string Topic = "bench/latency";
    private readonly byte[] _payload = new byte[64];
    private MosquittoBrokerProcess? _broker;
    private string? _dir;
    private IMqttClient? _publisher;
    private IMqttClient? _subscriber;
    private MqttApplicationMessage? _message;
    private TaskCompletionSource? _received;

    /// <summary>Starts the broker, connects both clients, subscribes.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Disconnects and stops the broker by its PID.</summary>
    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    /// <summary>Publish QoS 1 on one client until the other client's handler has the message.</summary>
    [Benchmark]
    public async Task Qos1_PublishToReceive_MQTTnet()
    {
        var received = new TaskCompletionSource();
        Volatile.Write(ref _received, received);
        await _publisher!.PublishAsync(_message!);
        await received.Task;
    }

    private async Task SetupAsync()
    {
        _dir = Directory.CreateTempSubdirectory("bench-mqtt-").FullName;
        _broker = await MosquittoBrokerProcess.StartAsync(_dir);
        var factory = new MqttClientFactory();
        _publisher = factory.CreateMqttClient();
        _subscriber = factory.CreateMqttClient();
        _subscriber.ApplicationMessageReceivedAsync += _ =>
        {
            Volatile.Read(ref _received)?.TrySetResult();
            return Task.CompletedTask;
        };
        foreach (var (client, id) in new[] { (_publisher, "bench-pub"), (_subscriber, "bench-sub") })
        {
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _broker.Port).WithClientId(id)
                .WithProtocolVersion(MqttProtocolVersion.V500).Build());
        }

        await _subscriber.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(f => f.WithTopic(Topic).WithAtLeastOnceQoS()).Build());
        _message = new MqttApplicationMessageBuilder().WithTopic(Topic).WithPayload(_payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
    }

    private async Task CleanupAsync()
    {
        foreach (var c in new[] { _publisher, _subscriber })
        {
            if (c is not null)
            {
                await c.DisconnectAsync();
                c.Dispose();
            }
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        if (_dir is not null)
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
