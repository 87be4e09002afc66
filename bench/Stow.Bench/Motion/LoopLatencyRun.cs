using System.Diagnostics;
using System.Globalization;
using Stow.Core.Time;
using Stow.Hardware.Management;
using Stow.Motion.Loop;
using Stow.Sim.Devices;

namespace Stow.Bench.Motion;

/// <summary>
/// The control loop's side of <c>bench/loop-vs-cyclictest.sh</c>: runs the wall-clock loop for a fixed time on a
/// dedicated thread with the same settings as the cyclictest run beside it (rate, <c>SCHED_FIFO</c> priority,
/// <c>mlockall</c>, CPU pinning by <c>taskset</c>) and prints one JSON line: wake-up latency percentiles (wake time −
/// absolute deadline, as cyclictest measures), the loop thread's CPU time split into body and pacing, allocations
/// on the loop thread and garbage collections during the measured window.
/// <para><c>Stow.Bench loop-latency --rate HZ --seconds S [--body sim|none] [--spin-us N] [--priority P] [--no-mlock]
/// [--background-alloc-mb-s M]</c>.
/// <c>--body sim</c> (default) runs the simulated cell's read/update/write (<see cref="ControlLoop"/> over the
/// default sim hardware); <c>--body none</c> runs the pacer alone, as cyclictest's thread does.</para>
/// </summary>
public static class LoopLatencyRun
{
    /// <summary>Runs the measurement and prints its JSON line.</summary>
    /// <param name="args">Options as above.</param>
    /// <returns>Process exit code: 0, or 2 on a bad option.</returns>
    public static int Run(string[] args)
    {
        var rate = 1000.0;
        var seconds = 10.0;
        var body = "sim";
        var spinUs = 0.0;
        var priority = 80;
        var mlock = true;
        var allocMbPerS = 0.0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rate": rate = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--body": body = args[++i]; break;
                case "--spin-us": spinUs = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--priority": priority = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--no-mlock": mlock = false; break;
                case "--background-alloc-mb-s": allocMbPerS = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"loop-latency: unknown option '{args[i]}'");
                    return 2;
            }
        }

        if (body is not ("sim" or "none"))
        {
            Console.Error.WriteLine($"loop-latency: --body is 'sim' or 'none', not '{body}'");
            return 2;
        }

        string? line = null;
        using var stop = new ManualResetEventSlim();
        var background = allocMbPerS > 0 ? new Thread(() => Allocate(allocMbPerS, stop)) { IsBackground = true, Name = "allocator" } : null;
        background?.Start();
        var thread = new Thread(() => line = Measure(rate, seconds, body, spinUs * 1e-6, priority, mlock)) { Name = "loop-latency" };
        thread.Start();
        thread.Join();
        stop.Set();
        background?.Join();
        Console.WriteLine(line);
        return 0;
    }

    /// <summary>Another thread of the same process allocating short-lived garbage at about <paramref name="mbPerS"/>
    /// (64 KiB arrays every few ms, some kept a while), as perception and planning threads of the cell do: its
    /// collections suspend every managed thread, the loop's included.</summary>
    private static void Allocate(double mbPerS, ManualResetEventSlim stop)
    {
        var keep = new byte[64][];
        var perTick = Math.Max(1, (int)Math.Round(mbPerS * 1024 * 1024 / 65536 / 200));
        var n = 0;
        while (!stop.Wait(5))
        {
            for (var i = 0; i < perTick; i++)
            {
                keep[n++ % keep.Length] = new byte[65536];
            }
        }
    }

    private static string Measure(double rate, double seconds, string body, double spin, int priority, bool mlock)
    {
        var realtime = RealtimeScheduling.ApplyToCurrentThread(priority, mlock);
        var options = new ControlLoopOptions { RateHz = rate };
        var cycles = (int)Math.Round(rate * seconds);
        HardwareManager? hardware = null;
        if (body == "sim")
        {
            hardware = SimHardware.BuildManager(SimHardware.DefaultConfigJson, new SimCell(1));
            hardware.Bringup();
            Cycle(hardware, options, new PeriodicPacer { SpinBefore = spin }, (int)rate); // warm-up: JIT and tiering
        }
        else
        {
            var warm = new PeriodicPacer { SpinBefore = spin };
            warm.Begin(options.Period);
            for (var i = 0; i < (int)rate; i++)
            {
                warm.WaitForNextCycle();
            }
        }

        var pacer = new PeriodicPacer { SpinBefore = spin };
        ControlLoop? loop = hardware is null ? null : new ControlLoop(hardware, new SystemClock(), pacer, options);
        var gc0 = GC.CollectionCount(0);
        var pause0 = GC.GetTotalPauseDuration();
        var alloc0 = GC.GetAllocatedBytesForCurrentThread();
        var cpu0 = ThreadCpuClock.CurrentThreadSeconds();
        var t0 = Stopwatch.GetTimestamp();
        if (loop is not null)
        {
            loop.RunCycles(cycles);
        }
        else
        {
            pacer.Begin(options.Period);
            for (var i = 0; i < cycles; i++)
            {
                pacer.WaitForNextCycle();
            }
        }

        var wall = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        var cpu = ThreadCpuClock.CurrentThreadSeconds() - cpu0;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - alloc0;
        var gcs = GC.CollectionCount(0) - gc0;
        var pause = (GC.GetTotalPauseDuration() - pause0).TotalSeconds;
        var stats = loop?.Statistics.Snapshot();
        var bodyTime = stats is null ? 0 : stats.MeanBody * stats.Cycles;
        var w = pacer.WakeLatency.Snapshot();
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {"rate_hz":{{rate}},"seconds":{{wall:F3}},"body":"{{body}}","spin_us":{{spin * 1e6}},"cycles":{{w.Count}},"latency_us":{"min":{{w.Min * 1e6:F1}},"mean":{{w.Mean * 1e6:F1}},"p50":{{w.P50 * 1e6:F0}},"p99":{{w.P99 * 1e6:F0}},"p999":{{w.P999 * 1e6:F0}},"max":{{w.Max * 1e6:F0}}},"overruns":{{pacer.Overruns}},"missed_deadlines":{{pacer.MissedDeadlines}},"thread_cpu_pct":{{100 * cpu / wall:F2}},"body_cpu_pct":{{100 * bodyTime / wall:F2}},"pacer_cpu_pct":{{100 * (cpu - bodyTime) / wall:F2}},"body_mean_us":{{(stats?.MeanBody ?? 0) * 1e6:F1}},"body_max_us":{{(stats?.MaxBody ?? 0) * 1e6:F1}},"allocated_bytes":{{allocated}},"gc_count":{{gcs}},"gc_pause_ms":{{pause * 1e3:F3}},"cycles_with_gc":{{stats?.CyclesWithGc ?? 0}},"realtime":"{{realtime.Describe()}}"}
            """).ReplaceLineEndings(string.Empty);
    }

    private static void Cycle(HardwareManager hardware, ControlLoopOptions options, PeriodicPacer pacer, int cycles) =>
        new ControlLoop(hardware, new SystemClock(), pacer, options).RunCycles(cycles);
}
