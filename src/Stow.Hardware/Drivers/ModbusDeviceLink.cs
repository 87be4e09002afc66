using Stow.Hardware.Modbus;
using Stow.Hardware.Serial;

namespace Stow.Hardware.Drivers;

/// <summary>
/// The serial line and Modbus master of one driver, with the driver-level counters. A transaction either succeeds,
/// fails transiently (counted; the driver keeps its last sample and tries again next cycle), or finds the master
/// faulted (persistent line errors: the driver returns an error and the cell holds). Threading: one thread at a time
/// uses the line: the driver's I/O thread (<see cref="ModbusExchange"/>) while it runs, else the lifecycle thread (open,
/// activation's handshake, close); the counters may be read from any thread (word-sized, written by that one thread).
/// The driver closes it in its cleanup, shutdown and error transitions, after joining its I/O thread.
/// </summary>
#pragma warning disable CA1001 // the port's lifetime follows the driver's lifecycle transitions (Close), not a using scope.
internal sealed class ModbusDeviceLink
#pragma warning restore CA1001
{
    private readonly ModbusDeviceOptions _options;
    private ModbusRtuMaster? _master;

    public ModbusDeviceLink(ModbusDeviceOptions options) => _options = options;

    public ModbusRtuMaster? Master => _master;

    /// <summary>Counters of the present master, or of the last one after Close (kept for diagnosis after a fault).</summary>
    public ModbusStatistics? Statistics { get; private set; }

    public bool IsOpen => _master is not null;

    public bool IsFaulted => _master?.IsFaulted ?? false;

    public long FailedTransactions { get; private set; }

    public long ExceptionResponses { get; private set; }

    /// <summary>Opens the port; false with a message naming the device and call when it cannot.</summary>
    public bool TryOpen(out string error)
    {
        Close();
        var port = new SystemIoSerialPort(_options.Line);
        try
        {
            port.Open();
        }
        catch (SerialPortException ex)
        {
            port.Dispose();
            error = ex.Message;
            return false;
        }

        _master = new ModbusRtuMaster(port, _options.Master);
        Statistics = _master.Statistics;
        error = string.Empty;
        return true;
    }

    public void Close()
    {
        _master?.Dispose();
        _master = null;
    }

    public LinkOutcome Read(ushort address, Span<ushort> values) =>
        _master is null ? LinkOutcome.Faulted : Classify(_master.ReadHoldingRegisters(_options.Unit, address, values));

    public LinkOutcome Write(ushort address, ReadOnlySpan<ushort> values) =>
        _master is null ? LinkOutcome.Faulted : Classify(_master.WriteMultipleRegisters(_options.Unit, address, values));


    private LinkOutcome Classify(ModbusResult r)
    {
        if (r.IsOk)
        {
            return LinkOutcome.Ok;
        }

        if (r.Status == ModbusStatus.ExceptionResponse)
        {
            ExceptionResponses++;
            return LinkOutcome.Refused;
        }

        FailedTransactions++;
        return _master!.IsFaulted ? LinkOutcome.Faulted : LinkOutcome.Transient;
    }
}
