namespace Stow.Sim.Rendering;

using Stow.Core.Geometry;
using Stow.Core.Pods;

/// <summary>
/// Turns the pod and item boxes into quads with Lambert shading. Constants are the simulator's
/// own choices (documented here), not measured values.
/// </summary>
internal static class SceneGeometry
{
    /// <summary>Bands lie this far in front of the opening plane [m] (x = −4 mm), so they occlude the opening and what is flush with it.</summary>
    public const double BandOffset = 0.004;

    /// <summary>Yellow pod fabric of the face.</summary>
    public static readonly RgbColor FaceFabric = new(205, 170, 55);

    /// <summary>Bin interior fabric, darker (less light reaches inside).</summary>
    public static readonly RgbColor InteriorFabric = new(125, 105, 45);

    /// <summary>Black elastic bands.</summary>
    public static readonly RgbColor Band = new(38, 38, 44);

    /// <summary>Background where no surface is hit.</summary>
    public static readonly RgbColor Background = new(70, 70, 70);

    // Direction towards a light in front of the face, up and to the robot's left (normalised below).
    private static readonly Vec3 Light = Normalise(new Vec3(-1, 0.3, 0.5));
    private const double Ambient = 0.35;

    public static double Shade(Vec3 normal) => Ambient + ((1 - Ambient) * Math.Max(0, Vec3.Dot(normal, Light)));

    public static SurfaceQuad Flat(Vec3 p0, Vec3 p1, Vec3 p2, Vec3 p3, Vec3 normal, RgbColor colour) =>
        new(p0, p1, p2, p3, normal, colour.Scale(Shade(normal)), (int)(Shade(normal) * 256), null);

    /// <summary>Face fabric (x = 0 strips around the openings), bin back walls, floors, ceilings and side walls.</summary>
    public static void AddStructure(PodType pod, List<SurfaceQuad> quads)
    {
        var front = new Vec3(-1, 0, 0);

        // Face: cut the face rectangle into horizontal slabs at every opening's top and bottom; in each
        // slab, emit the y-intervals no opening covers.
        var zs = new SortedSet<double> { 0, pod.FaceHeight };
        foreach (var b in pod.Bins)
        {
            zs.Add(b.Origin.Z);
            zs.Add(b.Origin.Z + b.OpeningHeight);
        }

        var breaks = zs.ToArray();
        var open = new List<(double Y0, double Y1)>();
        for (var k = 0; k + 1 < breaks.Length; k++)
        {
            double z0 = breaks[k], z1 = breaks[k + 1], zm = (z0 + z1) / 2;
            open.Clear();
            foreach (var b in pod.Bins)
            {
                if (b.Origin.Z < zm && zm < b.Origin.Z + b.OpeningHeight)
                {
                    open.Add((b.Origin.Y, b.Origin.Y + b.OpeningWidth));
                }
            }

            open.Sort((p, q) => p.Y0.CompareTo(q.Y0));
            var y = 0.0;
            foreach (var (y0, y1) in open)
            {
                if (y0 > y)
                {
                    quads.Add(Flat(new(0, y0, z1), new(0, y, z1), new(0, y, z0), new(0, y0, z0), front, FaceFabric));
                }

                y = Math.Max(y, y1);
            }

            if (pod.FaceWidth > y)
            {
                quads.Add(Flat(new(0, pod.FaceWidth, z1), new(0, y, z1), new(0, y, z0), new(0, pod.FaceWidth, z0), front, FaceFabric));
            }
        }

        foreach (var b in pod.Bins)
        {
            var o = b.Origin;
            double x1 = o.X + b.Depth, y0 = o.Y, y1 = o.Y + b.OpeningWidth, z0 = o.Z, z1 = o.Z + b.OpeningHeight;
            double x0 = o.X;
            quads.Add(Flat(new(x1, y1, z1), new(x1, y0, z1), new(x1, y0, z0), new(x1, y1, z0), front, InteriorFabric));
            quads.Add(Flat(new(x0, y0, z0), new(x1, y0, z0), new(x1, y1, z0), new(x0, y1, z0), Vec3.UnitZ, InteriorFabric));
            quads.Add(Flat(new(x0, y0, z1), new(x1, y0, z1), new(x1, y1, z1), new(x0, y1, z1), -Vec3.UnitZ, InteriorFabric));
            quads.Add(Flat(new(x0, y0, z0), new(x1, y0, z0), new(x1, y0, z1), new(x0, y0, z1), Vec3.UnitY, InteriorFabric));
            quads.Add(Flat(new(x0, y1, z0), new(x1, y1, z0), new(x1, y1, z1), new(x0, y1, z1), -Vec3.UnitY, InteriorFabric));
        }
    }

    /// <summary>Each bin's bands: strips across the opening at x = −<see cref="BandOffset"/>, in the pod's bin order.</summary>
    public static SurfaceQuad[][] Bands(PodType pod)
    {
        var all = new SurfaceQuad[pod.Bins.Count][];
        for (var i = 0; i < all.Length; i++)
        {
            var b = pod.Bins[i];
            var x = b.Origin.X - BandOffset;
            double y0 = b.Origin.Y, y1 = b.Origin.Y + b.OpeningWidth, half = b.BandWidth / 2;
            all[i] = new SurfaceQuad[b.BandHeights.Count];
            for (var k = 0; k < b.BandHeights.Count; k++)
            {
                var zc = b.Origin.Z + b.BandHeights[k];
                all[i][k] = Flat(new(x, y1, zc + half), new(x, y0, zc + half), new(x, y0, zc - half), new(x, y1, zc - half), new(-1, 0, 0), Band);
            }
        }

        return all;
    }

    /// <summary>Draws the six faces of an item box (back faces are culled by the rasteriser).</summary>
    public static void DrawBox(in SceneBox box, ItemTexture? texture, Rasterizer draw)
    {
        var (a, c) = (box.Box.Min, box.Box.Max);
        var side = texture?.MeanColor ?? box.Color;
        var front = new Vec3(-1, 0, 0);
        var fs = Shade(front);
        draw.Draw(new SurfaceQuad(
            new(a.X, c.Y, c.Z), new(a.X, a.Y, c.Z), new(a.X, a.Y, a.Z), new(a.X, c.Y, a.Z), front,
            box.Color.Scale(fs), (int)(fs * 256), texture));
        draw.Draw(Flat(new(c.X, c.Y, c.Z), new(c.X, a.Y, c.Z), new(c.X, a.Y, a.Z), new(c.X, c.Y, a.Z), Vec3.UnitX, side));
        draw.Draw(Flat(new(a.X, a.Y, c.Z), new(c.X, a.Y, c.Z), new(c.X, c.Y, c.Z), new(a.X, c.Y, c.Z), Vec3.UnitZ, side));
        draw.Draw(Flat(new(a.X, a.Y, a.Z), new(c.X, a.Y, a.Z), new(c.X, c.Y, a.Z), new(a.X, c.Y, a.Z), -Vec3.UnitZ, side));
        draw.Draw(Flat(new(a.X, c.Y, a.Z), new(c.X, c.Y, a.Z), new(c.X, c.Y, c.Z), new(a.X, c.Y, c.Z), Vec3.UnitY, side));
        draw.Draw(Flat(new(a.X, a.Y, a.Z), new(c.X, a.Y, a.Z), new(c.X, a.Y, c.Z), new(a.X, a.Y, c.Z), -Vec3.UnitY, side));
    }

    private static Vec3 Normalise(Vec3 v) => v / v.Length;
}
