namespace Stow.Sim.Rendering;

using Stow.Core.Ids;
using Stow.Core.Pods;

/// <summary>
/// What the pod-face camera sees: the pod (face fabric, bins, bands) and the items as boxes. This is
/// the renderer's own input, independent of the simulated world; the world is mapped onto it.
/// Immutable once built (it keeps the given collections, which the caller must not change while
/// rendering); safe to share across threads.
/// </summary>
public sealed class RenderScene
{
    private static readonly HashSet<BinId> NoBins = [];

    /// <summary>Creates a scene.</summary>
    /// <param name="pod">The pod type whose face is drawn.</param>
    /// <param name="boxes">Items as boxes in the pod-face frame [m].</param>
    /// <param name="bandsHeldAside">Bins whose bands the band separator holds aside (not drawn); <c>null</c> = none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pod"/> or <paramref name="boxes"/> is null.</exception>
    /// <exception cref="ArgumentException">A box has a minimum corner above its maximum on some axis, or a non-finite corner (the index is named).</exception>
    public RenderScene(PodType pod, IReadOnlyList<SceneBox> boxes, IReadOnlySet<BinId>? bandsHeldAside = null)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(boxes);
        for (var i = 0; i < boxes.Count; i++)
        {
            var (lo, hi) = (boxes[i].Box.Min, boxes[i].Box.Max);
            if (!(lo.X <= hi.X && lo.Y <= hi.Y && lo.Z <= hi.Z) || !double.IsFinite(lo.X + lo.Y + lo.Z + hi.X + hi.Y + hi.Z))
            {
                throw new ArgumentException($"box {i} is not a valid box: min {lo}, max {hi}", nameof(boxes));
            }
        }

        Pod = pod;
        Boxes = boxes;
        BandsHeldAside = bandsHeldAside ?? NoBins;
    }

    /// <summary>The pod type.</summary>
    public PodType Pod { get; }

    /// <summary>Items as boxes in the pod-face frame [m].</summary>
    public IReadOnlyList<SceneBox> Boxes { get; }

    /// <summary>Bins whose band separator is engaged: their bands are not drawn.</summary>
    public IReadOnlySet<BinId> BandsHeldAside { get; }
}
