using BenchmarkDotNet.Attributes;
using Stow.Core.Time;
using Stow.Motion.Loop;
using Stow.Sim.Devices;

namespace Stow.Bench.Motion;

/// <summary>
/// One second of the simulated cell's loop with wall-clock pacing (<see cref="PeriodicPacer"/> on absolute
/// <c>CLOCK_MONOTONIC</c> deadlines) at 500 Hz and 1 kHz: the mean time is the achieved second; the wake-up
/// latency percentiles, period jitter and overruns of the last run are printed by <see cref="Report"/> at global
/// clean-up. Allocations: the MemoryDiagnoser column over the whole second (set-up included). The comparison
/// with cyclictest under the same load is <c>bench/loop-vs-cyclictest.sh</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class LoopJitterBenchmarks
{
    private CycleStatisticsSnapshot? _last;
    private WakeLatencySnapshot? _latency;

    /// <summary>Loop rate [Hz].</summary>
    [Params(500, 1000)]
    public int RateHz { get; set; }

    /// <summary>Runs one second of paced cycles.</summary>
    /// <returns>Cycles recorded.</returns>
    [Benchmark]
    public long WallClockOneSecond()
    {
        var hw = SimHardware.BuildManager(SimHardware.DefaultConfigJson, new SimCell(1));
        hw.Bringup();
        var pacer = new PeriodicPacer();
        var loop = new ControlLoop(hw, new SystemClock(), pacer, new ControlLoopOptions { RateHz = RateHz });
        loop.RunCycles(RateHz);
        _last = loop.Statistics.Snapshot();
        _latency = pacer.WakeLatency.Snapshot();
        return _last.Cycles;
    }

    /// <summary>Prints the last run's statistics.</summary>
    [GlobalCleanup]
    public void Report() => Console.WriteLine($"// loop {RateHz} Hz: {_last}; wake latency {_latency}");
}
