using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Sim.Rendering;
using Stow.Sim.World;

namespace Stow.Sim.Scenes;

/// <summary>
/// Turns the simulated world into what the renderer draws: every placed item as a box in the
/// pod-face frame, textured with its ARC 2017 photo when the item has one, otherwise coloured by
/// category (<see cref="CategoryColors"/>). Stateless; thread-safe.
/// </summary>
public static class WorldScene
{
    /// <summary>Builds the render scene of <paramref name="pod"/>.</summary>
    /// <param name="pod">The world.</param>
    /// <param name="arcImages">Folder of ARC item photos (<c>&lt;name&gt;.jpg</c>), or null for flat colours only.</param>
    /// <param name="bandsHeldAside">Bins whose bands the separator holds aside.</param>
    public static RenderScene Build(SimPod pod, string? arcImages, IReadOnlySet<BinId>? bandsHeldAside = null)
    {
        var boxes = new List<SceneBox>(pod.ItemCount);
        foreach (var (bin, placed) in pod.Contents())
        {
            boxes.Add(new SceneBox(SimPod.ToPodFace(bin, placed.Box), CategoryColors.For(ColourKey(placed.Item)), Texture(placed.Item, arcImages)));
        }

        return new RenderScene(pod.PodType, boxes, bandsHeldAside);
    }

    private static string ColourKey(Item item) => string.IsNullOrEmpty(item.Category) ? item.Name : item.Category;

    private static string? Texture(Item item, string? arcImages)
    {
        if (arcImages is null || item.Source != "arc2017")
        {
            return null;
        }

        var path = Path.Combine(arcImages, item.Name + ".jpg");
        return File.Exists(path) ? path : null;
    }
}
