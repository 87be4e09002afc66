using BenchmarkDotNet.Running;

namespace Stow.Bench;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project bench/Stow.Bench -- --filter '*'</c>; with
/// <c>loop-latency ...</c> as the first argument, the control loop's wake-up latency run of
/// <c>bench/loop-vs-cyclictest.sh</c> (<see cref="Motion.LoopLatencyRun"/>).</summary>
public static class Program
{
    /// <summary>Entry point; BenchmarkDotNet's switcher picks benchmarks by filter.</summary>
    /// <param name="args">BenchmarkDotNet's options, or <c>loop-latency</c> and its options.</param>
    /// <returns>Exit code.</returns>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "loop-latency")
        {
            return Motion.LoopLatencyRun.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
