using System.Diagnostics;
using Stow.Hardware.Modbus;
using Stow.Hardware.Serial;

namespace Stow.Hardware.Tests.Modbus;

/// <summary>The master keeps t3.5 of silence between a response and its next request (Modbus over Serial Line v1.02 §2.5.1.1).</summary>
[Collection("pty")]
public class ModbusInterFrameTests
{
    [Theory(Timeout = 60_000)]
    [InlineData(19200)]
    [InlineData(115200)]
    public async Task Back_To_Back_Transactions_Keep_At_Least_T3_5_Of_Silence(int baud)
    {
        await Task.Yield();
        using var rig = new ModbusPtyRig(); // its own master stays closed; this one takes the master end
        using var port = new GapPort(new SystemIoSerialPort(new SerialPortOptions(rig.Pair.A, baud)));
        using var master = new ModbusRtuMaster(port, ModbusPtyRig.Fast);
        var values = new ushort[4];
        for (var i = 0; i < 20; i++)
        {
            Assert.True(master.ReadHoldingRegisters(ModbusPtyRig.Unit, 0, values).IsOk);
        }

        var t35 = ModbusRtuOptions.InterFrameDelay(port.Options).TotalMilliseconds;
        Assert.Equal(19, port.GapsMs.Count);
        Assert.True(port.GapsMs.Min() >= t35, $"shortest gap {port.GapsMs.Min():0.000} ms < t3.5 {t35:0.000} ms");
    }

    /// <summary>Measures the time from the end of the last read that returned bytes to the start of the next write.</summary>
    private sealed class GapPort(ISerialPort inner) : ISerialPort
    {
        private long _lastRead;

        public List<double> GapsMs { get; } = [];

        public SerialPortOptions Options => inner.Options;

        public bool IsOpen => inner.IsOpen;

        public void Open() => inner.Open();

        public void Close() => inner.Close();

        public void Reopen() => inner.Reopen();

        public int Read(Span<byte> buffer, TimeSpan timeout)
        {
            var n = inner.Read(buffer, timeout);
            if (n > 0)
            {
                _lastRead = Stopwatch.GetTimestamp();
            }

            return n;
        }

        public void Write(ReadOnlySpan<byte> data, TimeSpan timeout)
        {
            if (_lastRead != 0)
            {
                GapsMs.Add(Stopwatch.GetElapsedTime(_lastRead).TotalMilliseconds);
                _lastRead = 0;
            }

            inner.Write(data, timeout);
        }

        public void DiscardInput() => inner.DiscardInput();

        public void Dispose() => inner.Dispose();
    }
}
