using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Stow.Perception.Onnx;

namespace Stow.Tools.PerceptionTools;

/// <summary>
/// <c>perception providers</c>: checks an execution provider on a workcell PC. For each model of a folder (band.onnx,
/// space.onnx) it loads a session on CPU and one on the requested provider, runs both on the same seeded random batch,
/// and reports the provider that actually ran the nodes (ORT's profile, not the one asked for), the largest absolute
/// difference between the two outputs, and the latency of each (p50, p99 over the timed runs after warm-up).
/// Threading: single-threaded.
/// </summary>
public static class ProviderProbe
{
    /// <summary>Runs the probe.</summary>
    /// <param name="modelFolder">Folder holding the <c>.onnx</c> files and their manifests.</param>
    /// <param name="requested">Provider to check (cuda, with <see cref="OnnxSessionOptions.CudaDeviceId"/>).</param>
    /// <param name="batch">Batch size of each run (bins per call; the cell runs up to 40).</param>
    /// <param name="runs">Timed runs per session (after 5 warm-up runs).</param>
    /// <param name="seed">Seed of the random input.</param>
    /// <param name="logger">Receives ORT's fallback warning when the provider cannot be used.</param>
    /// <returns>One row per model.</returns>
    /// <exception cref="FileNotFoundException">A model is missing.</exception>
    /// <exception cref="OnnxRuntimeException">ORT cannot load or run a model.</exception>
    public static IReadOnlyList<ProviderProbeRow> Run(string modelFolder, OnnxSessionOptions requested, int batch, int runs, int seed, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var rows = new List<ProviderProbeRow>();
        foreach (var file in new[] { "band.onnx", "space.onnx" })
        {
            var path = Path.Combine(modelFolder, file);
            using var cpu = OnnxModel.Load(path, requested with { ExecutionProvider = OnnxExecutionProvider.Cpu }, logger);
            using var other = OnnxModel.Load(path, requested, logger);
            using var cpuRunner = cpu.Bind(batch);
            using var otherRunner = other.Bind(batch);
            Fill(cpuRunner, seed);
            Fill(otherRunner, seed);
            var cpuMs = Time(cpuRunner, runs);
            var otherMs = Time(otherRunner, runs);
            double diff = 0, cpuMax = 0, otherMax = 0;
            for (var o = 0; o < cpuRunner.Outputs.Count; o++)
            {
                var a = cpuRunner.Outputs[o].AsSpan<float>();
                var b = otherRunner.Outputs[o].AsSpan<float>();
                for (var i = 0; i < a.Length; i++)
                {
                    diff = Math.Max(diff, Math.Abs(a[i] - b[i]));
                    cpuMax = Math.Max(cpuMax, Math.Abs(a[i]));
                    otherMax = Math.Max(otherMax, Math.Abs(b[i]));
                }
            }

            rows.Add(new ProviderProbeRow(file, requested.ExecutionProvider.ToString().ToLowerInvariant(), other.Session.ExecutionProvider,
                new Dictionary<string, int>(other.Session.NodesByProvider), other.Session.ProviderFallbackReason, batch, runs,
                Percentile(cpuMs, 0.5), Percentile(cpuMs, 0.99), Percentile(otherMs, 0.5), Percentile(otherMs, 0.99), diff, cpuMax, otherMax));
        }

        return rows;
    }

    private static void Fill(OnnxModelRunner runner, int seed)
    {
        var random = new Random(seed);
        foreach (var input in runner.Inputs)
        {
            var span = input.AsSpan<float>();
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (float)random.NextDouble();
            }
        }
    }

    private static double[] Time(OnnxModelRunner runner, int runs)
    {
        for (var i = 0; i < 5; i++)
        {
            runner.Run();
        }

        var ms = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var t = Stopwatch.GetTimestamp();
            runner.Run();
            ms[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        return ms;
    }

    private static double Percentile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];
    }
}
