namespace Stow.Sim.Rendering;

using Stow.Core.Geometry;
using Stow.Core.Pods;

/// <summary>
/// Seeded example scenes for benchmarks, previews and tests, independent of the simulated world:
/// each bin gets boxes standing side by side on its floor, at random depths. Stateless, thread-safe.
/// </summary>
public static class SampleScenes
{
    /// <summary>Fills every bin with <paramref name="boxesPerBin"/> boxes.</summary>
    /// <param name="pod">The pod type.</param>
    /// <param name="boxesPerBin">Boxes per bin, 0..20; they share the opening width side by side.</param>
    /// <param name="seed">Seed of sizes, positions and colours.</param>
    /// <param name="photos">Optional photo paths; when given, half the boxes show one (chosen by the seed).</param>
    /// <returns>Boxes in the pod-face frame [m], inside their bins, not overlapping.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="boxesPerBin"/> outside 0..20.</exception>
    public static IReadOnlyList<SceneBox> Fill(PodType pod, int boxesPerBin, int seed, IReadOnlyList<string>? photos = null)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentOutOfRangeException.ThrowIfNegative(boxesPerBin);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(boxesPerBin, 20);
        var rng = new Random(seed);
        var boxes = new List<SceneBox>(pod.Bins.Count * boxesPerBin);
        foreach (var bin in pod.Bins)
        {
            if (boxesPerBin == 0)
            {
                continue;
            }

            var slot = bin.OpeningWidth / boxesPerBin;
            for (var k = 0; k < boxesPerBin; k++)
            {
                var w = slot * (0.55 + (0.4 * rng.NextDouble()));
                var h = bin.OpeningHeight * (0.3 + (0.6 * rng.NextDouble()));
                var d = bin.Depth * (0.25 + (0.6 * rng.NextDouble()));
                var x = (bin.Depth - d) * rng.NextDouble();
                var y = (k * slot) + ((slot - w) * rng.NextDouble());
                var min = bin.Origin + new Vec3(x, y, 0);
                var colour = CategoryColors.For("category-" + rng.Next(12).ToString(System.Globalization.CultureInfo.InvariantCulture));
                string? photo = null;
                if (photos is { Count: > 0 } && rng.NextDouble() < 0.5)
                {
                    photo = photos[rng.Next(photos.Count)];
                }

                boxes.Add(new SceneBox(Box3.FromMinSize(min, new Vec3(d, w, h)), colour, photo));
            }
        }

        return boxes;
    }
}
