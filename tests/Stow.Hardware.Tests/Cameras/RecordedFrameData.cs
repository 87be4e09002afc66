using Stow.Core.Pods;
using Stow.Sim.Rendering;

namespace Stow.Hardware.Tests.Cameras;

/// <summary>Paths of the real recorded frames (../shared/data/images) and a fresh <c>sim render</c> folder.</summary>
internal static class RecordedFrameData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Images { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "images"));

    public static string Apc2016 => Path.Combine(Images, "apc2016_shelf_bin_rgbd");

    public static string Arc2017 => Path.Combine(Images, "arc2017_bin_rgbd");

    /// <summary>Renders a seeded pod face and writes it as <c>sim render</c> does; returns the frame.</summary>
    public static RenderedFrame WriteSimRender(string folder, int seed = 3)
    {
        var pod = PodTypeLoader.Load(Path.Combine(RepoRoot, "config", "pods", "fabric-40.json"));
        var frame = new PodFaceRenderer(CameraModel.DefaultFor(pod)).Render(new RenderScene(pod, SampleScenes.Fill(pod, 3, seed)), 0, seed);
        FrameWriter.Write(frame, folder);
        return frame;
    }

    private static string FindRepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "StowCell.sln")))
        {
            d = d.Parent;
        }

        return d?.FullName ?? throw new InvalidOperationException("StowCell.sln not found above " + AppContext.BaseDirectory);
    }
}
