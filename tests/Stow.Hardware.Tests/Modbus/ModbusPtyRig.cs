using Stow.Hardware.Modbus;
using Stow.Hardware.Serial;
using Stow.Hardware.Tests.Serial;

namespace Stow.Hardware.Tests.Modbus;

/// <summary>A master on one end of a socat pty pair and a <see cref="ModbusRtuServer"/> serving on the other.</summary>
internal sealed class ModbusPtyRig : IDisposable
{
    public const byte Unit = 7;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public ModbusPtyRig(ModbusRtuOptions? options = null)
    {
        Pair = new SocatPtyPair();
        ServerPort = new SystemIoSerialPort(new SerialPortOptions(Pair.B, 115200));
        ServerPort.Open();
        Server = new ModbusRtuServer(ServerPort, Unit, 64) { InterCharacterTimeout = TimeSpan.FromMilliseconds(100) };
        Master = new ModbusRtuMaster(new SystemIoSerialPort(new SerialPortOptions(Pair.A, 115200)), options ?? Fast);
        _serving = Task.Factory.StartNew(Serve, TaskCreationOptions.LongRunning);
    }

    /// <summary>
    /// Timeouts short enough that failure paths finish quickly, long enough for a loaded 2-core CI machine where
    /// socat may relay a frame in pieces.
    /// </summary>
    public static ModbusRtuOptions Fast { get; } = new()
    {
        ResponseTimeout = TimeSpan.FromMilliseconds(300),
        InterCharacterTimeout = TimeSpan.FromMilliseconds(100),
    };

    public SocatPtyPair Pair { get; }

    public SystemIoSerialPort ServerPort { get; }

    public ModbusRtuServer Server { get; }

    public ModbusRtuMaster Master { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _serving.Wait(TimeSpan.FromSeconds(5));
        Master.Dispose();
        ServerPort.Dispose();
        Pair.Dispose();
        _stop.Dispose();
    }

    private void Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                // A long wait: a read cancelled at its deadline can drop the bytes System.IO.Ports' I/O thread reads
                // in that instant (SystemIoSerialPort remarks), so few deadlines mean few lost requests.
                Server.ServeOne(TimeSpan.FromMilliseconds(250));
            }
            catch (SerialPortException)
            {
                // Line pulled: the test plugs it back; reopen on the next round.
                if (!_stop.IsCancellationRequested && !ServerPort.IsOpen)
                {
                    try
                    {
                        ServerPort.Open();
                    }
                    catch (SerialPortException)
                    {
                        _stop.Token.WaitHandle.WaitOne(5);
                    }
                }
            }
        }
    }
}
