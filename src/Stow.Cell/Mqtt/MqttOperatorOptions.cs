namespace Stow.Cell.Mqtt;

/// <summary>Settings of the cell's MQTT operator link (bound from configuration section <c>Mqtt</c>).</summary>
public sealed record MqttOperatorOptions
{
    /// <summary>Cell id used in every topic (<see cref="MqttTopics"/>).</summary>
    public required string CellId { get; init; }

    /// <summary>Broker host.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Broker port (1883 plain, 8883 by convention for TLS).</summary>
    public int Port { get; init; } = 1883;

    /// <summary>Broker user name of the cell (password file); null for anonymous.</summary>
    public string? Username { get; init; }

    /// <summary>Password of <see cref="Username"/>.</summary>
    public string? Password { get; init; }

    /// <summary>Keep-alive [s]; the broker publishes the last will 1.5 times this after the cell goes silent.</summary>
    public int KeepAliveSeconds { get; init; } = 10;

    /// <summary>MQTT client id; default <c>stowcell-&lt;cell-id&gt;</c>.</summary>
    public string? ClientId { get; init; }

    /// <summary>Connect over TLS (the broker's certificate is checked against <see cref="CaFile"/>, or the system's trust store).</summary>
    public bool UseTls { get; init; }

    /// <summary>PEM file of the CA that signed the broker's certificate (with <see cref="UseTls"/>); null: the system's trust store.</summary>
    public string? CaFile { get; init; }

    /// <summary>
    /// MQTT 5 message expiry of a prompt [s] (&gt; 0): the broker drops a retained prompt this long after it was last sent, so a
    /// prompt of a cell that died does not stay on operators' screens; the link re-sends every pending prompt after half of it.
    /// </summary>
    public TimeSpan PromptExpiry { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Ping interval and reconnect back-off.</summary>
    public MqttReconnectOptions Reconnect { get; init; } = new();
}
