namespace Stow.Cell.Mqtt;

/// <summary>The message the broker publishes for a client that goes away without a clean disconnect.</summary>
/// <param name="Topic">Topic.</param>
/// <param name="Payload">Payload bytes.</param>
/// <param name="Retain">Whether the broker retains it.</param>
public sealed record MqttLastWill(string Topic, byte[] Payload, bool Retain);
