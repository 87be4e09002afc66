using BenchmarkDotNet.Attributes;
using Stow.Hardware.Drivers;
using Stow.Hardware.Lifecycle;
using Stow.Sim.Devices;
using Stow.Sim.Emulators;

namespace Stow.Bench.Modbus;

/// <summary>
/// Status-poll rate each device sustains through its HAL driver (<see cref="ModbusEoat"/>, <see cref="ModbusBandSeparator"/>)
/// over a real socat pty pair to its emulator (<see cref="LiveSimRig"/>, the emulators self-stepping at 200 Hz on their
/// own threads): one <c>Read</c> is one 0x03 status-block poll plus decoding and plausibility checks; one cycle is
/// <c>Write</c> (0x10 command block) plus <c>Read</c>. Sustained rate = 1 / mean. A pty has no baud-rate limit; on a
/// real 19200 Bd line add the wire time (docs/modbus-register-maps.md).
/// </summary>
[MemoryDiagnoser]
public class ModbusDriverPollBenchmarks
{
    private const string Config = """
        {"hardware":{"components":[
          {"name":"eoat","type":"modbus.eoat","params":{"device":"eoat.tty","baud":115200,"parity":"none","activateTimeout":5,"emulatorWatchdog":5}},
          {"name":"band_separator","type":"modbus.band_separator","params":{"device":"bs.tty","baud":115200,"parity":"none","activateTimeout":5,"emulatorWatchdog":5}}
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

    /// <summary>EOAT status poll through the driver (0x03, 10 registers, decode, checks).</summary>
    [Benchmark]
    public HardwareResult EoatStatusPoll() => _eoat!.Read(_time += 0.001, 0.001);

    /// <summary>Band-separator status poll through the driver (0x03, 8 registers).</summary>
    [Benchmark]
    public HardwareResult BandSeparatorStatusPoll() => _bands!.Read(_time += 0.001, 0.001);

    /// <summary>One full EOAT cycle: command-block write then status poll.</summary>
    [Benchmark]
    public HardwareResult EoatCycle()
    {
        _time += 0.001;
        var w = _eoat!.Write(_time, 0.001);
        var r = _eoat.Read(_time, 0.001);
        return w == HardwareResult.Ok ? r : w;
    }
}
