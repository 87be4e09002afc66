namespace Stow.Cell.Mqtt;

/// <summary>Settings of the cell's MQTT operator link (bound from configuration section <c>Mqtt</c>).</summary>
public sealed record MqttOperatorOptions
{
    /// <summary>Cell id used in every topic (<see cref="MqttTopics"/>).</summary>
    public required string CellId { get; init; }

    /// <summary>Broker host.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Broker port.</summary>
    public int Port { get; init; } = 1883;

    /// <summary>Broker user name of the cell (password file); null for anonymous.</summary>
    public string? Username { get; init; }

    /// <summary>Password of <see cref="Username"/>.</summary>
    public string? Password { get; init; }

    /// <summary>Keep-alive [s]; the broker publishes the last will 1.5 times this after the cell goes silent.</summary>
    public int KeepAliveSeconds { get; init; } = 10;

    /// <summary>MQTT client id; default <c>stowcell-&lt;cell-id&gt;</c>.</summary>
    public string? ClientId { get; init; }
}
