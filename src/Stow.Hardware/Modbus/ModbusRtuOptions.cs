namespace Stow.Hardware.Modbus;

/// <summary>Timing, retry and fault policy of a <see cref="ModbusRtuMaster"/>. Immutable.</summary>
/// <remarks>
/// Defaults: 100 ms response timeout (Modbus over Serial Line v1.02 §2.4.1 leaves it to the application; our
/// controllers answer within a few ms), 20 ms of silence ends a frame early (t1.5 is under 1 ms at 19200 Bd, but USB
/// adapters and ptys deliver bytes in bursts), 2 retries, and a fault after 3 failed transactions in a row.
/// </remarks>
public sealed record ModbusRtuOptions
{
    /// <summary>Wait for the first response byte after the request is written.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Silence inside a response that ends it as truncated.</summary>
    public TimeSpan InterCharacterTimeout { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Time allowed to write one request.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Retries after a failed attempt (timeout, truncation, CRC error, garbage, mismatch, disconnect); ≥ 0.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Failed transactions in a row (each after its retries) that fault the master; ≥ 1.</summary>
    public int FaultAfterFailures { get; init; } = 3;

    /// <summary>
    /// Silent interval between frames, t3.5 (Modbus over Serial Line v1.02 §2.5.1.1): 3.5 character times, or a fixed
    /// 1.75 ms above 19200 Bd.
    /// </summary>
    public static TimeSpan InterFrameDelay(Serial.SerialPortOptions line) =>
        line.BaudRate > 19200 ? TimeSpan.FromMicroseconds(1750) : TimeSpan.FromSeconds(3.5 * line.CharacterTime);
}
