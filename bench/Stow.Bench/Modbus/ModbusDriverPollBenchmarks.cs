using BenchmarkDotNet.Attributes;
using Stow.Hardware.Drivers;
using Stow.Hardware.Lifecycle;
using Stow.Sim.Devices;
using Stow.Sim.Emulators;

namespace Stow.Bench.Modbus;

/// <summary>
/// What a control cycle pays for the Modbus drivers (<see cref="ModbusEoat"/>, <see cref="ModbusBandSeparator"/>) now
/// that each exchanges on its own I/O thread, over a real socat pty pair to its emulator (<see cref="LiveSimRig"/>, the
/// emulators self-stepping at 200 Hz on their own threads): one <c>Read</c> copies the I/O thread's latest status
/// block under a lock and decodes and checks it when new; one cycle is <c>Write</c> (the command block handed to the I/O
/// thread) plus <c>Read</c>. The synchronous exchange they replaced (one 0x03 poll per Read, one 0x10 write per Write,
/// on the control thread) costs what <see cref="ModbusPtyBenchmarks"/> measures per transaction.
/// </summary>
[MemoryDiagnoser]
public class ModbusDriverPollBenchmarks
{
    private const string Config = """
        {"hardware":{"components":[
          {"name":"eoat","type":"modbus.eoat","params":{"device":"eoat.tty","baud":115200,"parity":"none","activateTimeout":5,"emulatorWatchdog":600}},
          {"name":"band_separator","type":"modbus.band_separator","params":{"device":"bs.tty","baud":115200,"parity":"none","activateTimeout":5,"emulatorWatchdog":600}}
        ]}}
        """;

    private LiveSimRig? _rig;
    private ModbusEoat? _eoat;
    private ModbusBandSeparator? _bands;
    private double _time;

    /// <summary>Starts socat, the emulators and activates both drivers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rig = LiveSimRig.Start(Config, new SimCell(seed: 1));
        _eoat = _rig.Hardware.Get<ModbusEoat>("eoat");
        _bands = _rig.Hardware.Get<ModbusBandSeparator>("band_separator");
        foreach (var c in new CommandedComponent[] { _eoat, _bands })
        {
            if (c.Configure() != CallbackReturn.Success || c.Activate() != CallbackReturn.Success)
            {
                throw new InvalidOperationException($"{c.Name}: {c.LastError}");
            }
        }
    }

    /// <summary>Shuts down, kills socat.</summary>
    [GlobalCleanup]
    public void Cleanup() => _rig?.Dispose();

    /// <summary>EOAT Read on the control thread: the latest status block (10 registers) copied, decoded and checked when new.</summary>
    [Benchmark]
    public HardwareResult EoatRead() => _eoat!.Read(_time += 0.001, 0.001);

    /// <summary>Band-separator Read on the control thread (8 registers).</summary>
    [Benchmark]
    public HardwareResult BandSeparatorRead() => _bands!.Read(_time += 0.001, 0.001);

    /// <summary>One EOAT control cycle: Write (command block handed to the I/O thread), then Read.</summary>
    [Benchmark]
    public HardwareResult EoatCycle()
    {
        _time += 0.001;
        var w = _eoat!.Write(_time, 0.001);
        var r = _eoat.Read(_time, 0.001);
        return w == HardwareResult.Ok ? r : w;
    }
}
