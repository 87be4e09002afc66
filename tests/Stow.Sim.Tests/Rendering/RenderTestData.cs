namespace Stow.Sim.Tests.Rendering;

using Stow.Core.Pods;
using Stow.Sim.Rendering;

/// <summary>Shared inputs of the rendering tests: the repository's pod type and the ARC photos in ../shared/data.</summary>
internal static class RenderTestData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static PodType Pod { get; } = PodTypeLoader.Load(Path.Combine(RepoRoot, "config", "pods", "fabric-40.json"));

    public static string ArcImages { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "items", "arc2017", "images"));

    public static string ArcPhoto { get; } = Path.Combine(ArcImages, "avery_binder.jpg");

    public static CameraModel Camera { get; } = CameraModel.DefaultFor(Pod);

    public static IReadOnlyList<string> ArcPhotos() =>
        Directory.Exists(ArcImages) ? Directory.GetFiles(ArcImages, "*.jpg").Order(StringComparer.Ordinal).ToArray() : [];

    public static RenderScene FullScene(int seed = 7, bool photos = false) =>
        new(Pod, SampleScenes.Fill(Pod, 5, seed, photos ? ArcPhotos() : null));

    public static BinSpec Bin(string id) => Pod[Stow.Core.Ids.BinId.Parse(id)];

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
