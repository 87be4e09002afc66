namespace Stow.Cell.Mqtt;

/// <summary>One received MQTT message, copied out of libmosquitto's buffers (safe to keep).</summary>
/// <param name="Topic">Topic it was published to.</param>
/// <param name="Payload">Payload bytes; empty for a zero-length payload (e.g. a cleared retained message).</param>
/// <param name="Retained">True when delivered from the broker's retained store.</param>
public sealed record MqttMessage(string Topic, byte[] Payload, bool Retained);
