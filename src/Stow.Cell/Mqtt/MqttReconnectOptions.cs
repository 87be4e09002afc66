namespace Stow.Cell.Mqtt;

/// <summary>
/// How <see cref="MqttClientSupervisor"/> keeps a connection: it pings the broker every <see cref="PingInterval"/>
/// (MQTTnet's <c>TryPingAsync</c>) and, when the ping fails or the connection drops, reconnects after
/// <see cref="MinDelay"/>, doubling the wait after every failed try up to <see cref="MaxDelay"/> (exponential
/// back-off, reset by a successful connect). MQTTnet 5 has no managed client; this is the loop its maintainers
/// advise instead (DEPENDENCIES.md, "MQTTnet").
/// </summary>
public sealed record MqttReconnectOptions
{
    /// <summary>Interval between liveness pings of a connected client [s]; &gt; 0.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>First delay before a reconnect try [s]; &gt; 0.</summary>
    public TimeSpan MinDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Largest delay between reconnect tries [s]; ≥ <see cref="MinDelay"/>.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>The delay before reconnect try <paramref name="attempt"/> (0-based): min·2^attempt, capped at max.</summary>
    /// <param name="attempt">Failed tries since the last successful connect (0 for the first retry).</param>
    public TimeSpan DelayFor(int attempt)
    {
        var ticks = MinDelay.Ticks * Math.Pow(2, Math.Clamp(attempt, 0, 30));
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A non-positive interval or delay, or max below min.</exception>
    public void Validate()
    {
        if (PingInterval <= TimeSpan.Zero || MinDelay <= TimeSpan.Zero || MaxDelay < MinDelay)
        {
            throw new ArgumentException(
                $"MQTT reconnect options: PingInterval ({PingInterval}) and MinDelay ({MinDelay}) must be > 0 and MaxDelay ({MaxDelay}) ≥ MinDelay");
        }
    }
}
