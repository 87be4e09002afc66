using System.Diagnostics;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Modbus;
using Stow.Sim.Emulators;

namespace Stow.Hardware.Tests.Drivers;

/// <summary>
/// The Modbus drivers' I/O threads over real socat ptys to the emulators: the control thread's Read and Write do no I/O,
/// a stale sample is refused, and the thread's life follows the lifecycle.
/// </summary>
[Collection("pty")]
public class ModbusDriverIoThreadTests
{
    [Fact(Timeout = 60_000)]
    public async Task State_Arrives_On_The_Io_Thread_While_Read_Only_Copies_It_Without_Io_Or_Allocation()
    {
        await Task.Yield(); // the body runs off the test runner's thread, so the timeout can end a hung test
        using var rig = new DriverPtyRig();
        DriverPtyRig.Activate(rig.Eoat);
        Assert.True(rig.Eoat.IsExchanging);
        Assert.Equal(HardwareResult.Ok, rig.ReadUntil(rig.Eoat, r => r == HardwareResult.Ok));

        // 20 000 Reads: synchronous ones would each poll the line once (≥ 1.75 ms each: t3.5 at 115200 Bd, so ≥ 35 s);
        // copies of the latest sample take microseconds, during which the I/O thread polls a handful of times.
        const int reads = 20_000;
        var served = rig.EoatEmulator.Server.Served;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var errors = 0;
        for (var i = 0; i < reads; i++)
        {
            errors += rig.Eoat.Read(i * 0.002, 0.002) == HardwareResult.Ok ? 0 : 1;
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var polled = rig.EoatEmulator.Server.Served - served;
        Assert.Equal(0, errors);
        Assert.True(polled < reads / 2, $"{polled} requests served during {reads} Reads: Read must not talk to the line");
        Assert.Equal(0, allocated);

        // The state advances with no Write and no I/O by this thread: the I/O thread keeps polling.
        var stamp = rig.Eoat.State.Stamp;
        var exchanges = rig.Eoat.Exchanges;
        Assert.Equal(HardwareResult.Ok, rig.ReadUntil(rig.Eoat, r => r == HardwareResult.Ok && rig.Eoat.State.Stamp > stamp && rig.Eoat.Exchanges > exchanges + 2));
        Assert.True(rig.Eoat.State.Stamp > stamp, "the Stamp advances as new samples arrive");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("silence")]
    [InlineData("line-pulled")]
    public async Task A_Stalled_Or_Lost_Device_Makes_Read_Return_Error_Within_The_Stale_Age(string how)
    {
        await Task.Yield(); // the body runs off the test runner's thread, so the timeout can end a hung test
        const double staleAfter = 1.0; // > (retries + 1) × responseTimeout = 0.9 s
        using var rig = new DriverPtyRig(faultAfterFailures: 1000, staleAfter: staleAfter);
        DriverPtyRig.Activate(rig.Eoat);
        Assert.Equal(TimeSpan.FromSeconds(staleAfter), rig.Eoat.Options.StaleAfter);
        Assert.Equal(HardwareResult.Ok, rig.ReadUntil(rig.Eoat, r => r == HardwareResult.Ok));

        var clock = Stopwatch.StartNew();
        if (how == "silence")
        {
            rig.EoatEmulator.LineFaults.Inject(LineFault.Silence);
        }
        else
        {
            rig.Rig.Links["eoat"].Kill();
        }

        var r = rig.ReadUntil(rig.Eoat, x => x == HardwareResult.Error);
        var elapsed = clock.Elapsed.TotalSeconds;
        Assert.Equal(HardwareResult.Error, r);
        Assert.Contains("stale", rig.Eoat.LastError, StringComparison.Ordinal);
        Assert.False(rig.Eoat.IsCommFaulted, "the master is not faulted yet: the stale age alone refused the sample");

        // The sample was at most one exchange old when the device went quiet; allow the loaded machine 2 s beyond.
        Assert.True(elapsed < staleAfter + 2, $"Error after {elapsed:F2} s, stale age {staleAfter} s");
        Assert.True(rig.Eoat.IsExchanging, "the I/O thread keeps trying");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_Host_That_Keeps_Cycling_Feeds_The_Controller_Watchdog_Through_The_Io_Thread()
    {
        await Task.Yield(); // the body runs off the test runner's thread, so the timeout can end a hung test
        using var rig = new DriverPtyRig(emulatorWatchdog: 0.3);
        DriverPtyRig.Activate(rig.Eoat);
        rig.Eoat.CommandBelts(0.1, 0.1);
        var steps = rig.EoatEmulator.Steps;

        // ~1.5 s of the controller's time (200 Hz), five watchdog periods: every bus write carries a new WATCHDOG value.
        Assert.True(rig.CycleUntil(rig.Eoat, () => rig.EoatEmulator.Steps > steps + 300, r => r == HardwareResult.Error));
        Assert.Equal(EoatRegisters.FaultNone, rig.EoatEmulator.Fault);
        Assert.Equal(HardwareResult.Ok, rig.Read(rig.Eoat));
        Assert.True(rig.Eoat.State.LeftBeltSpeed > 0.05, "the belts run");
    }

    [Fact(Timeout = 60_000)]
    public async Task Deactivate_Stops_The_Writes_And_Cleanup_Stops_The_Io_Thread()
    {
        await Task.Yield(); // the body runs off the test runner's thread, so the timeout can end a hung test
        using var rig = new DriverPtyRig();
        DriverPtyRig.Activate(rig.Eoat);
        rig.Eoat.CommandBelts(0.1, 0.1);
        Assert.True(rig.CycleUntil(rig.Eoat, () => rig.Eoat.State.LeftBeltSpeed > 0.05));
        Assert.Equal(CallbackReturn.Success, rig.Eoat.Deactivate());

        // Inactive: the I/O thread polls on but writes nothing (the stop block was the last write).
        var watchdog = rig.EoatEmulator.Server[EoatRegisters.Watchdog];
        var served = rig.EoatEmulator.Server.Served;
        Assert.True(rig.CycleUntil(rig.Eoat, () => rig.EoatEmulator.Server.Served > served + 20));
        Assert.True(rig.Eoat.IsExchanging);
        Assert.Equal(watchdog, rig.EoatEmulator.Server[EoatRegisters.Watchdog]);

        // Cleanup joins the thread: no more bytes on the line while the controller steps on (40 steps at 200 Hz).
        Assert.Equal(CallbackReturn.Success, rig.Eoat.Cleanup());
        Assert.False(rig.Eoat.IsExchanging);
        served = rig.EoatEmulator.Server.Served;
        var steps = rig.EoatEmulator.Steps;
        Assert.True(DriverPtyRig.WaitFor(() => rig.EoatEmulator.Steps > steps + 40));
        Assert.Equal(served, rig.EoatEmulator.Server.Served);
        Assert.Equal(HardwareResult.Error, rig.Eoat.Read(100, 0.01));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_Error_Path_Joins_The_Io_Thread_And_A_New_Configure_Starts_Another()
    {
        await Task.Yield(); // the body runs off the test runner's thread, so the timeout can end a hung test
        using var rig = new DriverPtyRig();
        DriverPtyRig.Activate(rig.BandSeparator);
        Assert.True(rig.BandSeparator.IsExchanging);
        rig.BandSeparator.HandleError("test");
        Assert.Equal(LifecycleState.Unconfigured, rig.BandSeparator.LifecycleState);
        Assert.False(rig.BandSeparator.IsExchanging);
        var served = rig.BandSeparatorEmulator.Server.Served;
        var steps = rig.BandSeparatorEmulator.Steps;
        Assert.True(DriverPtyRig.WaitFor(() => rig.BandSeparatorEmulator.Steps > steps + 40));
        Assert.Equal(served, rig.BandSeparatorEmulator.Server.Served);

        DriverPtyRig.Activate(rig.BandSeparator);
        Assert.True(rig.BandSeparator.IsExchanging);
        Assert.Equal(HardwareResult.Ok, rig.ReadUntil(rig.BandSeparator, r => r == HardwareResult.Ok));
        Assert.Equal(CallbackReturn.Success, rig.BandSeparator.Shutdown());
        Assert.False(rig.BandSeparator.IsExchanging);
    }
}
