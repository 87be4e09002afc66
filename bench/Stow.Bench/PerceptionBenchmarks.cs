using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Stow.Tools.PerceptionTools;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Operator;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Core.Catalog;
using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Perception.Onnx;
using Stow.Perception.Pipeline;
using Stow.Sim.Rendering;

namespace Stow.Bench;

/// <summary>
/// Perception pipeline latency (issue 3, deliverable 6) with the shipped models on CPU: a full 40-bin face (rectify 40
/// crops, band model, space model, geometric bound, analysis) from one camera and from the three-camera tower, and one
/// bin re-perceived after a stow, and that bin's depth change between two frames. Frames are rendered once in the setup (held-out scene seed 9000). Target: ≤ 50 ms per
/// face. Run: <c>dotnet run -c Release --project bench/Stow.Bench -- --filter '*Perception*'</c>.
/// </summary>
[Config(typeof(PercentileConfig))]
[MemoryDiagnoser]
public class PerceptionBenchmarks
{
    private PodSpacePipeline _single = null!;
    private PodSpacePipeline _tower = null!;
    private RgbdFrame _frame = null!;
    private RgbdFrame _next = null!;
    private RgbdFrame[] _frames = null!;
    private PodId _pod;
    private BinId _bin;

    /// <summary>ONNX Runtime intra-op threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = RepoRoot();
        var type = PodTypeLoader.Load(Path.Combine(root, "config", "pods", "fabric-40.json"));
        var items = SimScenes.SceneItems(CatalogPaths.ResolveDataRoot(null));
        var pod = SimScenes.Pod(type, items, 9000);
        var scene = PerceptionDataset.WorldScene(pod, null, 9000);
        var options = new OnnxSessionOptions { IntraOpThreadCount = Threads };
        var models = Path.Combine(root, "models");
        var one = CameraRig.Tower(type, 1);
        var three = CameraRig.Tower(type, 3);
        _single = PerceptionModels.Load(models, type, one, options);
        _tower = PerceptionModels.Load(models, type, three, options);
        _frame = Frame(new PodFaceRenderer(one.Cameras[0]).Render(scene, 0, 1));
        _next = Frame(new PodFaceRenderer(one.Cameras[0]).Render(scene, 0, 2)); // the same scene, fresh sensor noise
        _frames = three.Cameras.Select((c, i) => Frame(new PodFaceRenderer(c).Render(scene, 0, i))).ToArray();
        _pod = pod.PodId;
        _bin = type.Bins[17].Id;
        _single.Perceive(_pod, _frame); // warm up both runners outside the measurement
        _single.PerceiveBin(_bin, _frame);
        _tower.Perceive(_pod, _frames);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _single.Dispose();
        _tower.Dispose();
    }

    /// <summary>The whole face from the single face camera.</summary>
    [Benchmark(Baseline = true)]
    public double Face_OneCamera() => _single.Perceive(_pod, _frame).Bins[0].FreeVolume;

    /// <summary>The whole face from the three-camera tower (each bin from its own camera's frame).</summary>
    [Benchmark]
    public double Face_ThreeCameras() => _tower.Perceive(_pod, _frames).Bins[0].FreeVolume;

    /// <summary>One bin re-perceived after a stow.</summary>
    [Benchmark]
    public double OneBin() => _single.PerceiveBin(_bin, _frame).FreeVolume;

    /// <summary>One bin's depth change between two frames (the outcome reading's change detection, run after each
    /// re-perception; no model runs, so the thread count does not matter).</summary>
    [Benchmark]
    public double OneBin_DepthChange() => _single.MeasureChange(17, _frame, _next).CloserTotal;

    private static RgbdFrame Frame(RenderedFrame f) => new(f.Rgb, f.Depth, f.Width, f.Height, f.CaptureTime);

    private static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "StowCell.sln")))
        {
            d = d.Parent;
        }

        return d?.FullName ?? throw new InvalidOperationException("StowCell.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.P100);
    }
}
