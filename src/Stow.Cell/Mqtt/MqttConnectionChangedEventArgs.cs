namespace Stow.Cell.Mqtt;

/// <summary>The connection to the broker came up (subscriptions acknowledged) or went down.</summary>
/// <param name="Connected">True when now connected.</param>
/// <param name="Code">MQTT 5 reason code: the CONNACK code on connect (0 = success), the DISCONNECT reason on a disconnect
/// (0 = normal; MQTTnet's <c>MqttClientDisconnectReason</c>).</param>
/// <param name="Reason">Human-readable text for <paramref name="Code"/> (with the broker's reason string when it sent one).</param>
public sealed record MqttConnectionChangedEventArgs(bool Connected, int Code, string Reason);
