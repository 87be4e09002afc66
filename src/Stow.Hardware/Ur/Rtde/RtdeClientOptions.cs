namespace Stow.Hardware.Ur.Rtde;

/// <summary>Timeouts of an <see cref="RtdeClient"/>. Immutable.</summary>
public sealed record RtdeClientOptions
{
    /// <summary>TCP connect timeout.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a request waits for the controller's reply.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Most text messages kept until taken (older ones are dropped).</summary>
    public int TextMessageCapacity { get; init; } = 256;
}
