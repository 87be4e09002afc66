using System.Diagnostics;
using System.Globalization;
using Stow.Hardware.Drivers;
using Stow.Hardware.Lifecycle;
using Stow.Sim.Devices;
using Stow.Sim.Emulators;

namespace Stow.Hardware.Tests.Drivers;

/// <summary>
/// The live-sim rig with just the two Modbus devices: real drivers ↔ socat ptys ↔ emulators backed by the simulator.
/// Timeouts suit a loaded 2-core CI machine (socat may relay a frame in pieces). Dispose kills socat by PID.
/// The drivers exchange on their own I/O threads: a cycle's Write and Read only hand a command in and copy the latest
/// sample out, so what a cycle sees lags the line by an exchange; the helpers wait on conditions with a deadline.
/// </summary>
internal sealed class DriverPtyRig : IDisposable
{
    private double _time;

    public DriverPtyRig(int faultAfterFailures = 3, double emulatorWatchdog = 5.0, double? staleAfter = null)
    {
        Cell = new SimCell(seed: 1);
        var stale = staleAfter is { } s ? string.Create(CultureInfo.InvariantCulture, $",\"staleAfter\":{s}") : string.Empty;
        var common = string.Create(
            CultureInfo.InvariantCulture,
            $"\"baud\":115200,\"parity\":\"none\",\"responseTimeout\":0.3,\"interCharacterTimeout\":0.1,\"retries\":2,\"faultAfterFailures\":{faultAfterFailures},\"activateTimeout\":5,\"emulatorWatchdog\":{emulatorWatchdog}{stale}");
        var json = "{\"hardware\":{\"components\":[" +
            "{\"name\":\"eoat\",\"type\":\"modbus.eoat\",\"params\":{\"device\":\"eoat.tty\"," + common + "}}," +
            "{\"name\":\"band_separator\",\"type\":\"modbus.band_separator\",\"params\":{\"device\":\"bs.tty\",\"engageTime\":0.2,\"releaseTime\":0.1," + common + "}}" +
            "]}}";
        Rig = LiveSimRig.Start(json, Cell);
        Eoat = Rig.Hardware.Get<ModbusEoat>("eoat");
        BandSeparator = Rig.Hardware.Get<ModbusBandSeparator>("band_separator");
        EoatEmulator = (EoatEmulator)Rig.Emulators["eoat"];
        BandSeparatorEmulator = (BandSeparatorEmulator)Rig.Emulators["band_separator"];
    }

    public SimCell Cell { get; }

    public LiveSimRig Rig { get; }

    public ModbusEoat Eoat { get; }

    public ModbusBandSeparator BandSeparator { get; }

    public EoatEmulator EoatEmulator { get; }

    public BandSeparatorEmulator BandSeparatorEmulator { get; }

    public static TimeSpan Deadline => TimeSpan.FromSeconds(15);

    /// <summary>Configures and activates one driver, failing the test with its error when it does not.</summary>
    public static void Activate(CommandedComponent c)
    {
        Assert.True(c.Configure() == CallbackReturn.Success, c.LastError + " " + Detail(c));
        Assert.True(c.Activate() == CallbackReturn.Success, c.LastError + " " + Detail(c));
    }

    /// <summary>Runs Write then Read cycles of <paramref name="c"/> until <paramref name="done"/> or the deadline.</summary>
    /// <returns>True when the condition held before the deadline.</returns>
    public bool CycleUntil(CommandedComponent c, Func<bool> done, Func<HardwareResult, bool>? stopOn = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Deadline)
        {
            _time += 0.01;
            var w = c.Write(_time, 0.01);
            var r = c.Read(_time, 0.01);
            if (done())
            {
                return true;
            }

            if (stopOn is not null && (stopOn(w) || stopOn(r)))
            {
                return done();
            }

            Thread.Sleep(1); // the pace of a ~1 kHz control loop (not a wait for a condition): a spinning loop would starve the I/O threads, emulators and socat on a loaded 2-core machine
        }

        return false;
    }

    /// <summary>Runs Read-only cycles of <paramref name="c"/> (the host writes nothing) until <paramref name="until"/> holds for a Read's result, or the deadline.</summary>
    /// <returns>The last result, which satisfies <paramref name="until"/> unless the deadline passed.</returns>
    public HardwareResult ReadUntil(CommandedComponent c, Func<HardwareResult, bool> until)
    {
        var clock = Stopwatch.StartNew();
        HardwareResult r;
        do
        {
            r = Read(c);
            if (until(r))
            {
                return r;
            }

            Thread.Sleep(1); // the pace of a ~1 kHz control loop, not a wait for a condition
        }
        while (clock.Elapsed < Deadline);
        return r;
    }

    /// <summary>Waits (deadline <see cref="Deadline"/>) for <paramref name="condition"/>, yielding between checks.</summary>
    public static bool WaitFor(Func<bool> condition) => SpinWait.SpinUntil(condition, Deadline);

    /// <summary>One Read at the next cycle time.</summary>
    public HardwareResult Read(CommandedComponent c)
    {
        _time += 0.01;
        return c.Read(_time, 0.01);
    }

    public void Dispose() => Rig.Dispose();

    private static string Detail(CommandedComponent c) => c switch
    {
        ModbusEoat e => e.TransitionError,
        ModbusBandSeparator b => b.TransitionError,
        _ => string.Empty,
    };
}
