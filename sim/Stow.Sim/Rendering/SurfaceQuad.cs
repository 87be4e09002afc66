namespace Stow.Sim.Rendering;

using Stow.Core.Geometry;

/// <summary>
/// A planar convex quad to rasterise, in the pod-face frame [m]. Corners go around the perimeter;
/// for a textured quad P0 is the texture's top-left, P1 its top-right, P3 its bottom-left.
/// </summary>
internal readonly struct SurfaceQuad
{
    public SurfaceQuad(Vec3 p0, Vec3 p1, Vec3 p2, Vec3 p3, Vec3 normal, RgbColor shaded, int shade256, ItemTexture? texture)
    {
        P0 = p0;
        P1 = p1;
        P2 = p2;
        P3 = p3;
        Normal = normal;
        Shaded = shaded;
        Shade256 = shade256;
        Texture = texture;
    }

    public Vec3 P0 { get; }

    public Vec3 P1 { get; }

    public Vec3 P2 { get; }

    public Vec3 P3 { get; }

    /// <summary>Unit normal pointing to the side the surface is seen from.</summary>
    public Vec3 Normal { get; }

    /// <summary>The flat colour already multiplied by the Lambert shade.</summary>
    public RgbColor Shaded { get; }

    /// <summary>Lambert shade × 256 for textured quads.</summary>
    public int Shade256 { get; }

    public ItemTexture? Texture { get; }
}
