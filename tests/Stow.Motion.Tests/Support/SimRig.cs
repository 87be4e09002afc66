using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Core.Time;
using Stow.Hardware.Arm;
using Stow.Hardware.BandSeparator;
using Stow.Hardware.Eoat;
using Stow.Hardware.Management;
using Stow.Hardware.Safety;
using Stow.Motion.Loop;
using Stow.Motion.Primitives;
using Stow.Sim.Devices;
using Stow.Sim.Devices.Arm;
using Stow.Sim.Devices.Contact;
using Stow.Sim.Devices.Eoat;
using Stow.Sim.Devices.Safety;

namespace Stow.Motion.Tests.Support;

/// <summary>A whole simulated cell on a virtual clock: hardware from the default config, loop at 1 kHz, motion runner.</summary>
public sealed class SimRig
{
    public SimRig(int seed = 7, StaticContactGeometry? geometry = null, BinSpec? bin = null)
    {
        Bin = bin ?? TestBin();
        Geometry = geometry ?? StaticContactGeometry.ForBin(Bin);
        Cell = new SimCell(seed, Geometry) { Bins = [Bin] };
        Hardware = SimHardware.BuildManager(SimHardware.DefaultConfigJson, Cell);
        var report = Hardware.Bringup();
        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        Clock = new VirtualClock();
        Loop = new ControlLoop(Hardware, Clock, new VirtualClockPacer(Clock), new ControlLoopOptions { RateHz = 1000 });
        Arm = (SimArm)Hardware.Get<IArm>("arm");
        Eoat = (SimEoat)Hardware.Get<IEoat>("eoat");
        Safety = (SimSafety)Hardware.Get<ISafety>("safety");
        Context = new MotionContext(Arm, Eoat, Hardware.Get<IBandSeparator>("band_separator"), Safety);
        Runner = new MotionRunner(Context);
        Loop.Add(Runner);
        Loop.RunCycles(5);
    }

    public BinSpec Bin { get; }

    public StaticContactGeometry Geometry { get; }

    public SimCell Cell { get; }

    public HardwareManager Hardware { get; }

    public VirtualClock Clock { get; }

    public ControlLoop Loop { get; }

    public SimArm Arm { get; }

    public SimEoat Eoat { get; }

    public SimSafety Safety { get; }

    public MotionContext Context { get; }

    public MotionRunner Runner { get; }

    /// <summary>A 0.3 m wide, 0.25 m high, 0.4 m deep bin with its opening at the pod face origin.</summary>
    public static BinSpec TestBin() => new(new BinId(0, 0), 0.3, 0.25, 0.4, [0.08, 0.16], 0.01, Vec3.Zero);

    /// <summary>Runs an action to completion, bounded by <paramref name="maxSeconds"/> of simulated time.</summary>
    public ActionResult RunToEnd(IMotionAction action, double maxSeconds = 30, Action? eachCycle = null)
    {
        Assert.True(Runner.Start(action));
        var max = (int)(maxSeconds * 1000);
        for (var i = 0; i < max; i++)
        {
            Loop.RunCycles(1);
            eachCycle?.Invoke();
            var r = Runner.Poll();
            if (r.IsDone)
            {
                return r;
            }
        }

        return Runner.Poll();
    }
}
