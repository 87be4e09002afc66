using BenchmarkDotNet.Running;

namespace Stow.Bench;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project bench/Stow.Bench -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Entry point; BenchmarkDotNet's switcher picks benchmarks by filter.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
