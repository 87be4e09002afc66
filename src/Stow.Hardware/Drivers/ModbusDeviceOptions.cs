using System.Globalization;
using Stow.Hardware.Management;
using Stow.Hardware.Modbus;
using Stow.Hardware.Serial;

namespace Stow.Hardware.Drivers;

/// <summary>
/// Line and timing settings of one Modbus RTU device driver (<see cref="ModbusEoat"/>, <see cref="ModbusBandSeparator"/>),
/// from the component's <c>params</c>: <c>device</c> (path; relative paths resolve against the registry's device
/// directory), <c>baud</c> (default 19200), <c>parity</c> ("even", "odd", "none"; default even), <c>stopBits</c> (1),
/// <c>unit</c> (1..247; default the map's factory unit), <c>responseTimeout</c> and <c>interCharacterTimeout</c> [s],
/// <c>retries</c>, <c>faultAfterFailures</c>, <c>activateTimeout</c> [s] (how long activation waits for the heartbeat),
/// <c>exchangePeriod</c> [s] (how often the driver's I/O thread exchanges with the device; default 0: back to back at the
/// line's pace) and <c>staleAfter</c> [s] (the oldest status sample a Read accepts; default
/// <see cref="DefaultStaleAfter"/>). Immutable.
/// </summary>
/// <param name="Line">Serial line settings.</param>
/// <param name="Unit">Modbus unit address, 1..247.</param>
/// <param name="Master">Timeouts, retries and fault policy of the master.</param>
/// <param name="ActivateTimeout">Deadline for the device to show a live heartbeat and its activated bit on activation.</param>
public sealed record ModbusDeviceOptions(SerialPortOptions Line, byte Unit, ModbusRtuOptions Master, TimeSpan ActivateTimeout)
{
    private readonly TimeSpan? _staleAfter;

    /// <summary>
    /// Time from the start of one exchange of the I/O thread (command write, status poll) to the start of the next;
    /// <see cref="TimeSpan.Zero"/> (default): back to back, paced by the line (the master's t3.5 silence and the device's
    /// answers). In [0, 1) s.
    /// </summary>
    public TimeSpan ExchangePeriod { get; init; }

    /// <summary>
    /// The oldest accepted status sample a control-cycle <c>Read</c> still uses: when the I/O thread has not had a sample
    /// accepted for longer, Read returns Error (the loop never acts on old state). Default <see cref="DefaultStaleAfter"/>;
    /// it must exceed the longest single transaction plus <see cref="ExchangePeriod"/> (<see cref="MinimumStaleAfter"/>).
    /// </summary>
    public TimeSpan StaleAfter
    {
        get => _staleAfter ?? DefaultStaleAfter(Master, ExchangePeriod);
        init => _staleAfter = value;
    }

    /// <summary>
    /// 3 × (retries + 1) × response timeout + the exchange period: three failed transactions in a row, each with its
    /// retries, before a sample counts as stale (the master's default fault policy also faults after three).
    /// </summary>
    /// <param name="master">The master's timing.</param>
    /// <param name="exchangePeriod">The I/O thread's period.</param>
    /// <returns>The default stale age.</returns>
    public static TimeSpan DefaultStaleAfter(ModbusRtuOptions master, TimeSpan exchangePeriod)
    {
        ArgumentNullException.ThrowIfNull(master);
        return (3 * (master.MaxRetries + 1) * master.ResponseTimeout) + exchangePeriod;
    }

    /// <summary>
    /// The shortest valid <see cref="StaleAfter"/>: (retries + 1) × response timeout + the exchange period, one whole
    /// transaction with its retries and one pause; a shorter age would call a sample stale while one transient error is
    /// being retried.
    /// </summary>
    /// <param name="master">The master's timing.</param>
    /// <param name="exchangePeriod">The I/O thread's period.</param>
    /// <returns>The minimum (exclusive).</returns>
    public static TimeSpan MinimumStaleAfter(ModbusRtuOptions master, TimeSpan exchangePeriod)
    {
        ArgumentNullException.ThrowIfNull(master);
        return ((master.MaxRetries + 1) * master.ResponseTimeout) + exchangePeriod;
    }

    /// <summary>Reads the options from a component configuration.</summary>
    /// <param name="c">The component entry.</param>
    /// <param name="defaultUnit">Unit when <c>unit</c> is absent (the register map's factory address).</param>
    /// <param name="deviceDirectory">Directory against which a relative <c>device</c> path is resolved (null: as given).</param>
    /// <returns>The options.</returns>
    /// <exception cref="FormatException">A parameter is missing or out of range; the message names it.</exception>
    public static ModbusDeviceOptions FromConfig(ComponentConfig c, byte defaultUnit, string? deviceDirectory)
    {
        var device = c.RequireString("device", "serial device path");

        if (deviceDirectory is not null && !Path.IsPathRooted(device))
        {
            device = Path.Combine(deviceDirectory, device);
        }

        var parity = c.GetString("parity", "even").ToUpperInvariant() switch
        {
            "EVEN" => SerialParity.Even,
            "ODD" => SerialParity.Odd,
            "NONE" => SerialParity.None,
            var p => throw c.ParamError("parity", $"parity '{p}' is not even, odd or none"),
        };
        var unit = c.GetInt64("unit", defaultUnit);
        if (unit is < 1 or > 247)
        {
            throw c.ParamError("unit", string.Create(CultureInfo.InvariantCulture, $"unit {unit} is outside 1..247"));
        }

        var master = new ModbusRtuOptions
        {
            ResponseTimeout = Seconds(c, "responseTimeout", 0.1),
            InterCharacterTimeout = Seconds(c, "interCharacterTimeout", 0.02),
            MaxRetries = (int)c.GetInt64("retries", 2),
            FaultAfterFailures = (int)c.GetInt64("faultAfterFailures", 3),
        };
        if (master.MaxRetries < 0 || master.FaultAfterFailures < 1)
        {
            throw c.ParamError(master.MaxRetries < 0 ? "retries" : "faultAfterFailures", "'retries' must be ≥ 0 and 'faultAfterFailures' ≥ 1");
        }

        var line = new SerialPortOptions(device, (int)c.GetInt64("baud", 19200), parity, (int)c.GetInt64("stopBits", 1));
        var period = c.GetDouble("exchangePeriod", 0);
        if (!(period is >= 0 and < 1))
        {
            throw c.ParamError("exchangePeriod", string.Create(CultureInfo.InvariantCulture, $"'exchangePeriod' {period} s is outside [0, 1)"));
        }

        var exchangePeriod = TimeSpan.FromSeconds(period);
        var staleAfter = Seconds(c, "staleAfter", DefaultStaleAfter(master, exchangePeriod).TotalSeconds);
        var minimum = MinimumStaleAfter(master, exchangePeriod);
        if (staleAfter <= minimum)
        {
            throw c.ParamError("staleAfter", string.Create(CultureInfo.InvariantCulture,
                $"'staleAfter' {staleAfter.TotalSeconds} s must exceed (retries + 1) × responseTimeout + exchangePeriod = {minimum.TotalSeconds} s (one transaction with its retries)"));
        }

        return new ModbusDeviceOptions(line, (byte)unit, master, Seconds(c, "activateTimeout", 1.0))
        {
            ExchangePeriod = exchangePeriod,
            StaleAfter = staleAfter,
        };
    }

    private static TimeSpan Seconds(ComponentConfig c, string key, double fallback)
    {
        var s = c.GetDouble(key, fallback);
        return s is > 0 and < 60
            ? TimeSpan.FromSeconds(s)
            : throw c.ParamError(key, string.Create(CultureInfo.InvariantCulture, $"'{key}' {s} s is outside (0, 60)"));
    }
}
