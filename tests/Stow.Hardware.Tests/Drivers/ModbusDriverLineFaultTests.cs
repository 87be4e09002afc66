using Stow.Hardware.Lifecycle;
using Stow.Hardware.Management;
using Stow.Hardware.Modbus;
using Stow.Sim.Emulators;

namespace Stow.Hardware.Tests.Drivers;

/// <summary>Bad bytes end to end: faults injected at the emulator are detected, counted, retried, and fault the driver when they persist.</summary>
[Collection("pty")]
public class ModbusDriverLineFaultTests
{
    public static TheoryData<LineFault, ModbusStatus> Kinds => new()
    {
        { LineFault.CrcError, ModbusStatus.CrcError },
        { LineFault.Truncated, ModbusStatus.Truncated },
        { LineFault.Garbage, ModbusStatus.Garbage },
        { LineFault.Silence, ModbusStatus.Timeout },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_Single_Bad_Response_Is_Counted_And_Retried_And_The_Poll_Succeeds(LineFault fault, ModbusStatus counted)
    {
        using var rig = new DriverPtyRig();
        DriverPtyRig.Activate(rig.Eoat);
        var stats = rig.Eoat.Statistics!;
        var retries = stats.Retries;
        rig.EoatEmulator.LineFaults.Inject(fault, 1);

        // The I/O thread meets the bad response on its next poll, retries it, and the exchange goes on.
        Assert.True(DriverPtyRig.WaitFor(() => rig.EoatEmulator.LineFaults.Injected == 1 && stats.Retries > retries), "injected and retried");
        var exchanges = rig.Eoat.Exchanges;
        Assert.True(DriverPtyRig.WaitFor(() => rig.Eoat.Exchanges > exchanges + 1), "exchanges go on");
        Assert.Equal(HardwareResult.Ok, rig.Read(rig.Eoat));
        Assert.True(stats.Count(counted) >= 1, $"{counted} counted");
        Assert.False(rig.Eoat.IsCommFaulted);
        Assert.Equal(0, rig.Eoat.FailedTransactions);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Persistent_Bad_Responses_Fault_The_Driver_And_The_Manager_Takes_It_Down(LineFault fault, ModbusStatus counted)
    {
        using var rig = new DriverPtyRig();
        var manager = new HardwareManager([rig.Eoat]);
        DriverPtyRig.Activate(rig.Eoat);
        rig.Eoat.CommandBelts(0.1, 0.1);
        rig.EoatEmulator.LineFaults.Inject(fault);
        var results = new List<HardwareResult>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < DriverPtyRig.Deadline && rig.Eoat.LifecycleState == LifecycleState.Active; i++)
        {
            // Each manager Read copies the I/O thread's latest state: Ok while it retries, Error once the master faulted.
            results.Add(manager.Read(i * 0.01, 0.01));
            Thread.Sleep(1); // the pace of a ~1 kHz control loop, not a wait for a condition
        }

        Assert.True(rig.Eoat.IsCommFaulted || rig.Eoat.LifecycleState != LifecycleState.Active, "faulted");
        Assert.Equal(LifecycleState.Unconfigured, rig.Eoat.LifecycleState);
        Assert.Equal(1, manager.FaultCount);
        Assert.Equal("eoat", manager.LastFaultedComponent);
        Assert.Equal(3, rig.Eoat.FailedTransactions);
        Assert.Contains(HardwareResult.Error, results);
        Assert.True(rig.Eoat.Statistics!.Count(counted) >= 3, $"{counted} counted on every failed attempt");
        Assert.Equal(1, rig.Eoat.Statistics.Faults);
    }

    [Fact]
    public void A_Well_Formed_Sample_With_Implausible_Values_Is_Refused_Counted_And_Faults_The_Read()
    {
        using var rig = new DriverPtyRig();
        DriverPtyRig.Activate(rig.Eoat);
        Assert.Equal(HardwareResult.Ok, rig.Read(rig.Eoat));
        rig.EoatEmulator.LineFaults.Inject(LineFault.ImplausibleValues, 1);
        var before = rig.Eoat.State;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        HardwareResult r;
        do
        {
            Thread.Sleep(1); // the pace of a ~1 kHz control loop, not a wait for a condition
            before = rig.Eoat.State;
            r = rig.Read(rig.Eoat);
        }
        while (r == HardwareResult.Ok && clock.Elapsed < DriverPtyRig.Deadline);

        Assert.True(r == HardwareResult.Error, $"{r}: {rig.Eoat.LastError}");
        Assert.True(rig.Eoat.RejectedSamples == 1, $"rejected {rig.Eoat.RejectedSamples}: {rig.Eoat.LastError}");
        Assert.Contains("out of range", rig.Eoat.LastError, StringComparison.Ordinal);
        Assert.Equal(before.LeftBeltSpeed, rig.Eoat.State.LeftBeltSpeed);
        Assert.Equal(before.Stamp, rig.Eoat.State.Stamp);
        Assert.Equal(0, rig.Eoat.State.LeftBeltSpeed);
        Assert.Equal(0, rig.EoatEmulator.Device.State.LeftBeltSpeed);
    }

    [Fact]
    public void A_Pulled_Line_Is_Counted_As_A_Disconnect_And_The_Driver_Reopens_When_It_Is_Back()
    {
        using var rig = new DriverPtyRig(faultAfterFailures: 50);
        DriverPtyRig.Activate(rig.Eoat);
        var link = rig.Rig.Links["eoat"];
        link.Kill();
        var stats = rig.Eoat.Statistics!;
        Assert.True(DriverPtyRig.WaitFor(() => rig.Eoat.FailedTransactions >= 1), "the I/O thread's transactions fail while the line is pulled");
        Assert.True(stats.Count(ModbusStatus.Disconnected) + stats.Count(ModbusStatus.Timeout) >= 1);
        link.Start();
        var reopens = stats.Reopens;
        var stamp = rig.Eoat.State.Stamp;
        Assert.True(rig.CycleUntil(rig.Eoat, () => rig.Eoat.State.Stamp > stamp && stats.Reopens > reopens - 1 && stats.Reopens >= 1));
        Assert.False(rig.Eoat.IsCommFaulted);
        rig.Eoat.CommandBelts(0.2, 0.2);
        Assert.True(rig.CycleUntil(rig.Eoat, () => rig.Eoat.State.LeftBeltSpeed > 0.15), "commands flow again after the reopen");
    }

    [Fact]
    public void A_Line_That_Stays_Pulled_Faults_The_Driver_Without_A_Crash()
    {
        using var rig = new DriverPtyRig();
        DriverPtyRig.Activate(rig.BandSeparator);
        rig.Rig.Links["band_separator"].Kill();
        Assert.True(rig.CycleUntil(rig.BandSeparator, () => rig.BandSeparator.IsCommFaulted));
        Assert.Equal(HardwareResult.Error, rig.Read(rig.BandSeparator));
        Assert.Contains("faulted", rig.BandSeparator.LastError, StringComparison.Ordinal);
        Assert.True(DriverPtyRig.WaitFor(() => !rig.BandSeparator.IsExchanging), "the faulted exchange ends its I/O thread");
        Assert.Null(rig.BandSeparator.IoThreadError);
    }
}
