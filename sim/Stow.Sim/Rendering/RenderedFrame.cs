namespace Stow.Sim.Rendering;

/// <summary>
/// One rendered RGB-D frame of the pod face with its ground truth. All images are row-major,
/// <see cref="Height"/> rows of <see cref="Width"/> pixels. A frame returned by
/// <see cref="PodFaceRenderer.Render"/> is owned by that renderer and overwritten by its next render:
/// <see cref="Clone"/> it to keep it. Not thread-safe.
/// </summary>
public sealed class RenderedFrame
{
    /// <summary>Allocates an empty frame for a camera.</summary>
    /// <param name="camera">The camera whose size the frame takes.</param>
    public RenderedFrame(CameraModel camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        Camera = camera;
        var n = camera.Width * camera.Height;
        Rgb = new byte[n * 3];
        BandFreeRgb = new byte[n * 3];
        Depth = new ushort[n];
        BandFreeDepth = new ushort[n];
        BandMask = new byte[n];
        Quads = [];
    }

    /// <summary>The camera the frame was taken with.</summary>
    public CameraModel Camera { get; }

    /// <summary>Width [px].</summary>
    public int Width => Camera.Width;

    /// <summary>Height [px].</summary>
    public int Height => Camera.Height;

    /// <summary>Observed colour with sensor noise, RGB bytes, shape [H, W, 3].</summary>
    public byte[] Rgb { get; }

    /// <summary>Observed depth with sensor noise [mm], shape [H, W]: the optical-frame z of the surface (not the ray length), as RGB-D cameras report it; 0 = no return.</summary>
    public ushort[] Depth { get; }

    /// <summary>1 where a band is the nearest surface, else 0; shape [H, W].</summary>
    public byte[] BandMask { get; }

    /// <summary>Ground truth: the same scene without bands, noise-free, RGB bytes, shape [H, W, 3].</summary>
    public byte[] BandFreeRgb { get; }

    /// <summary>Ground truth: depth of the scene without bands, noise-free [mm], shape [H, W]; 0 = nothing within range.</summary>
    public ushort[] BandFreeDepth { get; }

    /// <summary>Capture time [s] on the caller's clock.</summary>
    public double CaptureTime { get; internal set; }

    /// <summary>Seed of the sensor noise.</summary>
    public int Seed { get; internal set; }

    /// <summary>Each bin opening's corners in the image, in the pod's bin order.</summary>
    public IReadOnlyList<BinQuad> Quads { get; internal set; }

    /// <summary>A deep copy that later renders do not touch.</summary>
    /// <returns>The copy.</returns>
    public RenderedFrame Clone()
    {
        var c = new RenderedFrame(Camera) { CaptureTime = CaptureTime, Seed = Seed, Quads = Quads };
        Rgb.CopyTo(c.Rgb, 0);
        Depth.CopyTo(c.Depth, 0);
        BandMask.CopyTo(c.BandMask, 0);
        BandFreeRgb.CopyTo(c.BandFreeRgb, 0);
        BandFreeDepth.CopyTo(c.BandFreeDepth, 0);
        return c;
    }
}
