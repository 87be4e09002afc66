using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Stow.Core.Pods;
using Stow.Sim.Rendering;

namespace Stow.Bench;

/// <summary>
/// Pod-face rendering (issue 2, deliverable 7): a full 40-bin fabric-40 face with 5 boxes per bin at
/// 640×480 from the default camera, observed + band-free images, band mask and sensor noise.
/// Target: ≤ 20 ms p50. Run: <c>dotnet run -c Release --project bench/Stow.Bench -- --filter '*Render*' --job short</c>.
/// </summary>
[Config(typeof(PercentileConfig))]
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private PodFaceRenderer _renderer = null!;
    private RenderScene _plain = null!;
    private RenderScene _photos = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = RepoRoot();
        var pod = PodTypeLoader.Load(Path.Combine(root, "config", "pods", "fabric-40.json"));
        var images = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "items", "arc2017", "images"));
        var photos = Directory.Exists(images) ? Directory.GetFiles(images, "*.jpg").Order(StringComparer.Ordinal).ToArray() : [];
        _renderer = new PodFaceRenderer(CameraModel.DefaultFor(pod));
        _plain = new RenderScene(pod, SampleScenes.Fill(pod, 5, 1));
        _photos = new RenderScene(pod, SampleScenes.Fill(pod, 5, 1, photos));
        _renderer.Render(_photos, 0, 1); // load and cache the textures outside the measurement
    }

    /// <summary>200 boxes in flat category colours.</summary>
    [Benchmark(Baseline = true)]
    public int FullFace_640x480_200Boxes() => _renderer.Render(_plain, 0, 1).Depth[0];

    /// <summary>The same with half the boxes showing ARC 2017 photos (textures cached).</summary>
    [Benchmark]
    public int FullFace_640x480_200Boxes_ArcPhotos() => _renderer.Render(_photos, 0, 1).Depth[0];

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
        public PercentileConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P95);
    }
}
