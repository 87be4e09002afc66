using System.Globalization;
using Stow.Hardware.Drivers;
using Stow.Hardware.Management;
using R = Stow.Hardware.Modbus.EoatRegisters;

namespace Stow.Hardware.Tests.Drivers;

/// <summary>
/// The drivers' I/O thread itself, over a real pty to the EOAT emulator: an exception on the thread is caught and kept
/// (the driver's Read turns it into Error), never an unobserved crash, and the thread ends.
/// </summary>
[Collection("pty")]
public class ModbusExchangeTests
{
    [Fact(Timeout = 60_000)]
    public async Task An_Exception_On_The_Io_Thread_Is_Caught_Kept_And_Ends_The_Thread()
    {
        await Task.Yield(); // the body runs off the test runner's thread, so the timeout can end a hung test
        using var rig = new DriverPtyRig();

        // The rig's EOAT driver is never configured: the line is free for an exchange of the test's own.
        var device = rig.Eoat.Options.Line.Device;
        var json = string.Create(CultureInfo.InvariantCulture,
            $"{{\"device\":\"{device}\",\"baud\":115200,\"parity\":\"none\",\"responseTimeout\":0.3,\"interCharacterTimeout\":0.1}}");
        var options = ModbusDeviceOptions.FromConfig(new ComponentConfig("eoat", "modbus.eoat", System.Text.Json.JsonDocument.Parse(json).RootElement), 1, null);
        var link = new ModbusDeviceLink(options);
        Assert.True(link.TryOpen(out var error), error);
        try
        {
            var checks = 0;
            var exchange = new ModbusExchange(link, R.StatusStart, R.StatusCount, R.CommandStart, R.CommandCount, R.Watchdog,
                TimeSpan.Zero, options.Master.ResponseTimeout,
                _ => ++checks < 3 ? true : throw new InvalidOperationException("check exploded"), "modbus-test");
            exchange.Start(writes: false);
            Assert.True(DriverPtyRig.WaitFor(() => !exchange.IsRunning), "the thread ended");
            Assert.Equal("InvalidOperationException: check exploded", exchange.ThreadError);
            Assert.Equal(3, checks);

            // The two samples before the exception were kept; the exchange reports no line failure.
            var status = new ushort[R.StatusCount];
            exchange.CopyLatest(status, out var sequence, out var age, out var rejected);
            Assert.Equal(2, sequence);
            Assert.True(age < long.MaxValue);
            Assert.Equal(0, rejected);
            Assert.Equal(LinkOutcome.Ok, exchange.Failure);
            exchange.Stop(); // joins a finished thread at once
        }
        finally
        {
            link.Close();
        }
    }
}
