using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Stow.Cell.Mqtt;

/// <summary>The link's outgoing side: one queue, one sender task, QoS 1 retained messages with MQTT 5 properties.</summary>
public sealed partial class MqttOperatorLink
{
    /// <summary>Messages queued while the broker is away beyond this drop the oldest (status and prompts are re-sent on connect anyway).</summary>
    private const int OutboxCapacity = 10_000;

    private readonly CancellationTokenSource _stopSending = new();
    private readonly Task _sender;
    private readonly Task _refresher;
    private readonly Channel<MqttApplicationMessage> _outbox;

    /// <summary>Marks the cell offline (retained), sends what is queued (up to 5 s), then disconnects cleanly.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var connected = _client.IsConnected;
        if (connected)
        {
            Send(Json(Topics.Online, MqttPayloads.Online(false, "shutdown", _clock.UtcNow)));
        }

        _outbox.Writer.TryComplete();
        if (connected)
        {
            try
            {
                await _sender.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
                _logger.LogWarning("MQTT: queued messages not all sent within 5 s of shutting down");
            }
        }

        await _stopSending.CancelAsync();
        await Task.WhenAll(_sender, _refresher).ContinueWith(_ => { }, TaskScheduler.Default);
        await _client.DisposeAsync();
        _stopSending.Dispose();
    }

    private Channel<MqttApplicationMessage> CreateOutbox() => Channel.CreateBounded<MqttApplicationMessage>(
        new BoundedChannelOptions(OutboxCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
        dropped => _logger.LogWarning("MQTT outbox full: dropped the oldest message (to {Topic})", dropped.Topic));

    private static MqttApplicationMessage Clear(string topic) => new MqttApplicationMessageBuilder()
        .WithTopic(topic).WithPayload([]).WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private static MqttApplicationMessage Json(string topic, byte[] payload) => JsonBuilder(topic, payload).Build();

    private static MqttApplicationMessageBuilder JsonBuilder(string topic, byte[] payload) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(payload)
        .WithRetainFlag()
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .WithContentType(MqttPayloads.ContentType)
        .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData);

    private MqttApplicationMessage PromptMessage(OperatorPrompt p) => JsonBuilder(Topics.Prompt(p.Id), MqttPayloads.Prompt(p))
        .WithMessageExpiryInterval((uint)_promptExpiry.TotalSeconds).Build();

    private void Send(MqttApplicationMessage message)
    {
        if (!_outbox.Writer.TryWrite(message))
        {
            _logger.LogDebug("MQTT: link disposed, message to {Topic} not sent", message.Topic);
        }
    }

    private async Task SendAsync(CancellationToken token)
    {
        try
        {
            await foreach (var m in _outbox.Reader.ReadAllAsync(token))
            {
                await SendOneAsync(m, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // shutting down
        }
    }

    private async Task SendOneAsync(MqttApplicationMessage m, CancellationToken token)
    {
        for (var attempt = 1; ; attempt++)
        {
            await _client.WaitConnectedAsync(token);
            try
            {
                var result = await _client.Client.PublishAsync(m, token);
                if ((int)result.ReasonCode >= 0x80)
                {
                    _logger.LogError("MQTT: broker refused the publish to {Topic}: {Code} ({Number}){Reason}", m.Topic, result.ReasonCode,
                        (int)result.ReasonCode, string.IsNullOrEmpty(result.ReasonString) ? "" : ", " + result.ReasonString);
                }

                return;
            }
            catch (Exception e) when ((e is MqttCommunicationException or OperationCanceledException) && !token.IsCancellationRequested)
            {
                if (attempt >= 5)
                {
                    _logger.LogError("MQTT: publish to {Topic} failed {Attempts} times ({Error}); dropped", m.Topic, attempt, e.Message);
                    return;
                }

                _logger.LogDebug("MQTT: publish to {Topic} failed ({Error}); sending again once connected", m.Topic, e.Message);
            }
        }
    }

    private async Task RefreshPromptsAsync(TimeProvider time, CancellationToken token)
    {
        using var timer = new PeriodicTimer(_promptExpiry / 2, time);
        try
        {
            while (await timer.WaitForNextTickAsync(token))
            {
                OperatorPrompt[] prompts;
                lock (_gate)
                {
                    prompts = [.. _pending.Values];
                }

                foreach (var p in prompts)
                {
                    Send(PromptMessage(p)); // before the broker's message expiry drops it
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // shutting down
        }
    }
}
