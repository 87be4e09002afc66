using BenchmarkDotNet.Attributes;
using Stow.Core.Time;
using Stow.Motion.Loop;
using Stow.Sim.Devices;

namespace Stow.Bench.Motion;

/// <summary>
/// 1000 cycles of the simulated cell's loop at 1 kHz with wall-clock pacing (≈ 1 s per invocation): the mean
/// time is the achieved period × 1000; the jitter percentiles and overruns of the last run are printed by
/// <see cref="Report"/> at global clean-up. Allocations: MemoryDiagnoser column / 1000 cycles.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class LoopJitterBenchmarks
{
    private CycleStatisticsSnapshot? _last;

    /// <summary>Runs 1000 paced cycles.</summary>
    /// <returns>Cycles recorded.</returns>
    [Benchmark]
    public long WallClock1kHz()
    {
        var hw = SimHardware.BuildManager(SimHardware.DefaultConfigJson, new SimCell(1));
        hw.Bringup();
        var loop = new ControlLoop(hw, new SystemClock(), new PeriodicPacer(), new ControlLoopOptions { RateHz = 1000 });
        loop.RunCycles(1000);
        _last = loop.Statistics.Snapshot();
        return _last.Cycles;
    }

    /// <summary>Prints the last run's statistics.</summary>
    [GlobalCleanup]
    public void Report() => Console.WriteLine($"// loop 1 kHz: {_last}");
}
