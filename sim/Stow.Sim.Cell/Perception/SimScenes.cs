using Stow.Core.Catalog;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Perception.Rectification;
using Stow.Sim.Rendering;
using Stow.Sim.World;

namespace Stow.Sim.Cell.Perception;

/// <summary>
/// Seeded simulator scenes for rendering, perception datasets and evaluation: a pod of a given type
/// prefilled with real catalogue items, and the calibrated opening quads of a camera. Deterministic
/// for (pod type, items, seed). Stateless; thread-safe.
/// </summary>
public static class SimScenes
{
    /// <summary>Lowest prefill of a scene pod (fraction of bin volume).</summary>
    public const double MinFill = 0.0;

    /// <summary>Highest prefill of a scene pod; pods are swapped at roughly 0.3-0.5 fill in practice.</summary>
    public const double MaxFill = 0.6;

    /// <summary>A pod prefilled to a seeded fill in [<see cref="MinFill"/>, <see cref="MaxFill"/>].</summary>
    /// <param name="type">Pod type.</param>
    /// <param name="items">Items to draw from.</param>
    /// <param name="seed">Scene seed.</param>
    public static SimPod Pod(PodType type, IReadOnlyList<Item> items, int seed)
    {
        var rng = new Random(seed);
        var pod = new SimPod(new PodId($"POD-S{seed}"), type);
        PodPrefill.Fill(pod, items, MinFill + (rng.NextDouble() * (MaxFill - MinFill)), rng);
        return pod;
    }

    /// <summary>Bins whose bands are held aside in a scene (about 1 in 8, seeded), so models see both cases.</summary>
    public static HashSet<BinId> HeldBands(PodType type, int seed)
    {
        var rng = new Random(seed ^ 0x5bd1e995);
        return type.Bins.Where(_ => rng.NextDouble() < 0.125).Select(b => b.Id).ToHashSet();
    }

    /// <summary>
    /// Each bin's opening as the camera sees it (top-left, top-right, bottom-right, bottom-left in the
    /// image, with the camera-frame depth of each corner): the pod calibration the rectifier uses.
    /// </summary>
    /// <exception cref="InvalidOperationException">A corner is behind the camera.</exception>
    public static OpeningQuad[] Quads(CameraModel camera, PodType type) =>
        type.Bins.Select(b => Quad(camera, b)).ToArray();

    /// <summary>The opening quad of every bin, each in the image of the rig camera that sees it, in bin order.</summary>
    public static OpeningQuad[] Quads(CameraRig rig, PodType type) =>
        type.Bins.Select((b, i) => Quad(rig.CameraFor(i), b)).ToArray();

    /// <summary>The opening quad of one bin.</summary>
    public static OpeningQuad Quad(CameraModel camera, BinSpec b)
    {
        var o = b.Origin;
        Stow.Core.Geometry.Vec3[] corners =
        [
            new(0, o.Y + b.OpeningWidth, o.Z + b.OpeningHeight),
            new(0, o.Y, o.Z + b.OpeningHeight),
            new(0, o.Y, o.Z),
            new(0, o.Y + b.OpeningWidth, o.Z),
        ];
        double[] u = new double[4], v = new double[4], z = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!camera.TryProject(corners[i], out var px, out var depth))
            {
                throw new InvalidOperationException($"bin {b.Id} corner {i} is not in front of the camera");
            }

            (u[i], v[i], z[i]) = (px.U, px.V, depth);
        }

        return new OpeningQuad(u, v, z);
    }

    /// <summary>Items for scenes: the stowable ARC 2017 and Olist items (mixed catalogue).</summary>
    public static IReadOnlyList<Item> SceneItems(string? dataRoot) => CatalogLoader.LoadWithDefaults("mixed", dataRoot).Items;
}
