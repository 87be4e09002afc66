using BenchmarkDotNet.Attributes;
using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Core.Time;
using Stow.Hardware.Arm;
using Stow.Hardware.BandSeparator;
using Stow.Hardware.Eoat;
using Stow.Hardware.Safety;
using Stow.Motion.Loop;
using Stow.Motion.Primitives;
using Stow.Sim.Devices;
using Stow.Sim.Devices.Contact;
using Stow.Sim.Devices.Eoat;

namespace Stow.Bench.Motion;

/// <summary>
/// One full simulated stow (approach, bands, sweep, insertion, retract, release) on a virtual clock at 1 kHz.
/// Speed-up over real time = simulated seconds (reported by <see cref="SimulatedSeconds"/>, ≈ 8 s) / mean time.
/// Allocations per cycle: see the MemoryDiagnoser column divided by the cycle count.
/// </summary>
[MemoryDiagnoser]
public class StowSequenceBenchmarks
{
    /// <summary>Simulated duration of the last run [s].</summary>
    public static double SimulatedSeconds { get; private set; }

    /// <summary>Runs one stow to completion.</summary>
    /// <returns>Cycles run.</returns>
    [Benchmark]
    public int FullStow()
    {
        var bin = new BinSpec(new BinId(0, 0), 0.3, 0.25, 0.4, [0.08, 0.16], 0.01, Vec3.Zero);
        var cell = new SimCell(1, StaticContactGeometry.ForBin(bin));
        var hw = SimHardware.BuildManager(SimHardware.DefaultConfigJson, cell);
        hw.Bringup();
        var clock = new VirtualClock();
        var loop = new ControlLoop(hw, clock, new VirtualClockPacer(clock), new ControlLoopOptions());
        var runner = new MotionRunner(new MotionContext(hw.Get<IArm>("arm"), hw.Get<IEoat>("eoat"), hw.Get<IBandSeparator>("band_separator"), hw.Get<ISafety>("safety")));
        loop.Add(runner);
        ((SimEoat)hw.Get<IEoat>("eoat")).LoadItem(0.15, 0.08, 0.4);
        var plan = new StowPlan(new ItemId("X"), new ItemDimensions(0.15, 0.08, 0.05), 0.4, bin,
            [new PrimitiveStep(Primitive.SweepLeft, 0.03, 0.06, 0.1)], InsertY: 0.1);
        runner.Start(StowSequence.Create(plan));
        var n = loop.RunUntil(() => runner.Poll().IsDone, 60_000);
        SimulatedSeconds = clock.Now;
        return n;
    }
}
