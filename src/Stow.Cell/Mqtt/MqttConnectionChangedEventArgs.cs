namespace Stow.Cell.Mqtt;

/// <summary>The connection to the broker came up or went down.</summary>
/// <param name="Connected">True when now connected.</param>
/// <param name="Code">CONNACK code on connect (0 = accepted), libmosquitto reason on disconnect (0 = asked for).</param>
/// <param name="Reason">Human-readable text for <paramref name="Code"/>.</param>
public sealed record MqttConnectionChangedEventArgs(bool Connected, int Code, string Reason);
