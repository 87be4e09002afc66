using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Stow.Core.Geometry;
using Stow.Hardware.Arm;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Ur;
using Stow.Hardware.Ur.Rtde;
using Stow.Sim.Devices;
using Stow.Sim.Devices.Arm;
using Stow.Sim.Ur;

namespace Stow.Bench.Ur;

/// <summary>
/// The RTDE link over loopback to the controller emulator: <c>NextPackage500Hz</c> / <c>NextPackage125Hz</c> wait for
/// the next data package of a 500 Hz and a 125 Hz recipe (mean = inter-arrival time, so packages/s = 1/mean; the
/// 125 Hz recipe is the reference, and the inter-arrival percentiles are printed at cleanup as jitter);
/// <c>CommandToMotion</c> is the time from sending a speedl twist through the ur.arm driver to the first RTDE state
/// showing TCP motion (≥ 1 mm/s), the arm at rest before each one; <c>RegisterEcho</c>, the reference, is the time
/// from writing an input register to seeing it back in an output package.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 15)]
public class RtdeLoopbackBenchmarks
{
    private const int Packages = 250;
    private readonly List<double> _gaps500 = [];
    private readonly List<double> _gaps125 = [];
    private UrControllerEmulator? _emulator;
    private RtdeClient? _fast;
    private RtdeClient? _slow;
    private RtdeClient? _echo;
    private RtdeInputRecipe? _echoInputs;
    private RtdeState _echoState;
    private UrArm? _arm;

    /// <summary>Starts the emulator, two streaming clients and the driver.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var cell = new SimCell(seed: 1);
        _emulator = UrControllerEmulator.Start(cell, new UrControllerOptions { InitialRobotMode = UrRobotMode.Running }, new SimArmOptions { ForceNoise = 0 });
        _fast = Connect(500, ["timestamp", "actual_TCP_pose"]);
        _slow = Connect(125, ["timestamp", "actual_TCP_pose"]);
        _echo = new RtdeClient();
        _echo.Connect("127.0.0.1", _emulator.RtdePort);
        _echo.NegotiateProtocolVersion();
        _echo.SetupOutputs(["timestamp", "input_int_register_40"], 500);
        _echoInputs = _echo.SetupInputs(["input_int_register_40"]);
        _echo.Start();
        _arm = new UrArm("arm", new UrArmOptions
        {
            RtdePort = _emulator.RtdePort,
            SecondaryPort = _emulator.SecondaryPort,
            DashboardPort = _emulator.DashboardPort,
            BasePose = _emulator.Arm.Options.BasePose,
            StateTimeout = 1,
        });
        if (_arm.Configure() != CallbackReturn.Success || _arm.Activate() != CallbackReturn.Success
            || _arm.PrepareModeSwitch((int)ArmCommandMode.Twist) != CallbackReturn.Success)
        {
            throw new InvalidOperationException(_arm.LastError);
        }

        _arm.PerformModeSwitch();
    }

    /// <summary>Prints the inter-arrival percentiles and closes everything.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Print("500 Hz", _gaps500);
        Print("125 Hz", _gaps125);
        Console.WriteLine($"// emulator ticks {_emulator!.Ticks}, missed {_emulator.MissedTicks}");
        _arm?.Shutdown();
        _fast?.Dispose();
        _slow?.Dispose();
        _echo?.Dispose();
        _emulator?.Dispose();
    }

    /// <summary>Waits for the next package of the 500 Hz recipe.</summary>
    /// <returns>Its sequence.</returns>
    [Benchmark(OperationsPerInvoke = Packages)]
    public ulong NextPackage500Hz() => Wait(_fast!, _gaps500);

    /// <summary>Reference: the next package of the 125 Hz recipe.</summary>
    /// <returns>Its sequence.</returns>
    [Benchmark(OperationsPerInvoke = Packages / 4)]
    public ulong NextPackage125Hz() => Wait(_slow!, _gaps125, Packages / 4);

    /// <summary>Reference: write an input register and wait until an output package carries it back.</summary>
    /// <returns>Packages waited.</returns>
    [Benchmark]
    public int RegisterEcho()
    {
        var c = _echo!;
        var value = _echoState.InputIntRegisters[40] + 1;
        _echoState.InputIntRegisters[40] = value;
        c.TryGetLatest(out var s);
        c.Send(_echoInputs!, _echoState);
        var n = 0;
        while (s.InputIntRegisters[40] != value)
        {
            c.WaitForNextState(s.Sequence, TimeSpan.FromSeconds(1), out s);
            n++;
        }

        return n;
    }

    /// <summary>Brings the arm to rest before each command-to-motion measurement.</summary>
    [IterationSetup(Target = nameof(CommandToMotion))]
    public void Rest()
    {
        var arm = _arm!;
        var sw = Stopwatch.StartNew();
        do
        {
            Cycle(arm, Twist.Zero);
        }
        while (arm.State.TcpTwist.Linear.Length > 1e-6 && sw.Elapsed < TimeSpan.FromSeconds(5));
    }

    /// <summary>From sending a 0.05 m/s twist to the first state that shows ≥ 1 mm/s of TCP motion.</summary>
    /// <returns>Cycles until motion was seen.</returns>
    [Benchmark]
    [InvocationCount(1)]
    public int CommandToMotion()
    {
        var arm = _arm!;
        var n = 0;
        var twist = new Twist(new Vec3(0, (n & 1) == 0 ? 0.05 : -0.05, 0), Vec3.Zero);
        do
        {
            Cycle(arm, twist);
            n++;
        }
        while (arm.State.TcpTwist.Linear.Length < 0.001 && n < 2000);

        return n;
    }

    private static void Cycle(UrArm arm, Twist twist)
    {
        arm.CommandTwist(twist);
        arm.Write(0, 0.002);
        arm.WaitForNextState(TimeSpan.FromSeconds(1));
        arm.Read(0, 0.002);
    }

    private static ulong Wait(RtdeClient c, List<double> gaps, int count = Packages)
    {
        c.TryGetLatest(out var s);
        var last = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            c.WaitForNextState(s.Sequence, TimeSpan.FromSeconds(1), out s);
            var now = Stopwatch.GetTimestamp();
            gaps.Add((now - last) * 1000.0 / Stopwatch.Frequency);
            last = now;
        }

        return s.Sequence;
    }

    private static void Print(string name, List<double> gaps)
    {
        if (gaps.Count == 0)
        {
            return;
        }

        var sorted = gaps.Skip(1).Order().ToArray();
        double P(double p) => sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)];
        Console.WriteLine($"// {name}: {sorted.Length} inter-arrival gaps, mean {sorted.Average():F3} ms, p50 {P(0.5):F3} ms, p99 {P(0.99):F3} ms, max {sorted[^1]:F3} ms");
    }

    private RtdeClient Connect(double frequency, string[] fields)
    {
        var c = new RtdeClient();
        c.Connect("127.0.0.1", _emulator!.RtdePort);
        c.NegotiateProtocolVersion();
        c.SetupOutputs(fields, frequency);
        c.Start();
        return c;
    }
}
