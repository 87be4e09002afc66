using Microsoft.Extensions.Logging.Abstractions;
using Stow.Perception.Onnx;
using Stow.Tools.PerceptionTools;
using Stow.Tools.Tests.Support;

namespace Stow.Tools.Tests.Perception;

/// <summary>The provider check of <c>perception providers</c> on the shipped models.</summary>
public class ProviderProbeTests
{
    private static string Models => Path.Combine(TestPaths.RepoRoot, "models");

    [Fact(Timeout = 120_000)]
    public async Task Cpu_Against_Cpu_Runs_Both_Models_With_Identical_Outputs()
    {
        await Task.Yield();
        var rows = ProviderProbe.Run(Models, new OnnxSessionOptions { ExecutionProvider = OnnxExecutionProvider.Cpu }, batch: 4, runs: 3, seed: 7, NullLogger.Instance);
        Assert.Equal(["band.onnx", "space.onnx"], rows.Select(r => r.Model));
        Assert.All(rows, r =>
        {
            Assert.Equal("cpu", r.ExecutionProvider);
            Assert.Null(r.FallbackReason);
            Assert.Equal(0, r.MaxAbsDiff);
            Assert.True(r.P50Ms > 0 && r.P99Ms >= r.P50Ms && r.CpuP50Ms > 0);
            Assert.True(r.NodesByProvider["CPUExecutionProvider"] > 0);
        });
    }

    [Fact(Timeout = 120_000)]
    public async Task Cuda_Without_Its_Libraries_Reports_The_Fallback_And_The_Provider_That_Ran()
    {
        await Task.Yield();
        if (File.Exists("/dev/nvidia0"))
        {
            return; // a GPU machine: the fallback path is not what runs there (the device check covers the CUDA path)
        }

        var rows = ProviderProbe.Run(Models, new OnnxSessionOptions { ExecutionProvider = OnnxExecutionProvider.Cuda }, batch: 2, runs: 2, seed: 7, NullLogger.Instance);
        Assert.All(rows, r =>
        {
            Assert.Equal("cuda", r.Requested);
            Assert.Equal("cpu", r.ExecutionProvider);
            Assert.Contains("libonnxruntime_providers_cuda", r.FallbackReason, StringComparison.Ordinal);
            Assert.Equal(0, r.MaxAbsDiff);
        });
    }
}
