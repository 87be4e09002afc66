namespace Stow.Hardware.Modbus;

/// <summary>
/// Counters of one <see cref="ModbusRtuMaster"/>: every attempt is counted under its outcome. Written by the
/// master's owner thread; reads from other threads see recent, possibly torn-across-fields values.
/// </summary>
public sealed class ModbusStatistics
{
    private readonly long[] _byStatus = new long[Enum.GetValues<ModbusStatus>().Length];

    /// <summary>Transactions started (including faulted ones).</summary>
    public long Transactions { get; internal set; }

    /// <summary>Attempts beyond the first.</summary>
    public long Retries { get; internal set; }

    /// <summary>Times the port was reopened after a disconnect.</summary>
    public long Reopens { get; internal set; }

    /// <summary>Times the master became faulted.</summary>
    public long Faults { get; internal set; }

    /// <summary>Attempts that ended with <paramref name="status"/>.</summary>
    public long Count(ModbusStatus status) => Volatile.Read(ref _byStatus[(int)status]);

    internal void Add(ModbusStatus status) => Interlocked.Increment(ref _byStatus[(int)status]);
}
