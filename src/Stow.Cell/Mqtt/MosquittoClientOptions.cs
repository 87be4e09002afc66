namespace Stow.Cell.Mqtt;

/// <summary>Settings of one <see cref="MosquittoClient"/> connection.</summary>
public sealed record MosquittoClientOptions
{
    /// <summary>Broker host name or address.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Broker TCP port.</summary>
    public int Port { get; init; } = 1883;

    /// <summary>MQTT client id (unique per broker; a second client with the same id takes over the session).</summary>
    public required string ClientId { get; init; }

    /// <summary>User name for the broker's password file; null for anonymous.</summary>
    public string? Username { get; init; }

    /// <summary>Password; null for none.</summary>
    public string? Password { get; init; }

    /// <summary>Keep-alive interval [s]; the broker declares the client gone after 1.5 times this without traffic.</summary>
    public int KeepAliveSeconds { get; init; } = 10;

    /// <summary>Topic filters subscribed (QoS 1) in every connect callback, so a reconnect restores them.</summary>
    public IReadOnlyList<string> Subscriptions { get; init; } = [];

    /// <summary>Last will, or null.</summary>
    public MqttLastWill? LastWill { get; init; }

    /// <summary>Smallest and largest delay between reconnect tries [s].</summary>
    public (uint Min, uint Max) ReconnectDelay { get; init; } = (1, 5);
}
