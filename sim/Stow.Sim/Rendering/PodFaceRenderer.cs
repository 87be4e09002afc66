namespace Stow.Sim.Rendering;

using Stow.Core.Pods;

/// <summary>
/// Renders RGB-D frames of a pod face by z-buffer rasterisation of the visible faces of the pod
/// structure, the item boxes and the bands (convex quads projected with <see cref="CameraModel"/>,
/// depth per pixel from each quad's plane). Each render makes two images: the band-free scene
/// (ground truth, noise-free), then the same with the bands drawn in front, plus seeded sensor
/// noise (<see cref="SensorNoiseOptions"/>). A full 40-bin face at 640×480 renders in a few ms
/// (bench/RESULTS.md).
/// </summary>
/// <remarks>
/// Threading: an instance owns its buffers and reuses them on every call; it is NOT thread-safe.
/// Use one renderer per thread. <see cref="Render"/> allocates nothing once the pod's geometry and
/// the item textures are cached (textures are loaded on first use through the <see cref="TextureCache"/>).
/// </remarks>
public sealed class PodFaceRenderer
{
    private readonly Rasterizer _rasterizer;
    private readonly SensorNoiseOptions _noise;
    private readonly TextureCache _textures;
    private readonly RenderedFrame _frame;
    private readonly float[] _freeInvZ;
    private readonly float[] _observedInvZ;
    private readonly byte[] _background;
    private readonly sbyte[] _rgbNoise;
    private readonly List<SurfaceQuad> _structure = [];
    private PodType? _pod;
    private SurfaceQuad[][] _bands = [];
    private IReadOnlyList<BinQuad> _quads = [];

    /// <summary>Creates a renderer and allocates its buffers.</summary>
    /// <param name="camera">The camera; fixed for the renderer's life.</param>
    /// <param name="noise">Sensor noise; <c>null</c> = <see cref="SensorNoiseOptions.Default"/>.</param>
    /// <param name="textures">Texture cache to use (may be shared between renderers on one thread); <c>null</c> = a new one.</param>
    /// <exception cref="ArgumentOutOfRangeException">A noise σ or range is negative, or MaxRange ≤ MinRange.</exception>
    public PodFaceRenderer(CameraModel camera, SensorNoiseOptions? noise = null, TextureCache? textures = null)
    {
        ArgumentNullException.ThrowIfNull(camera);
        _noise = noise ?? SensorNoiseOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(_noise.DepthSigmaAt1M, nameof(noise));
        ArgumentOutOfRangeException.ThrowIfNegative(_noise.RgbSigma, nameof(noise));
        ArgumentOutOfRangeException.ThrowIfNegative(_noise.MinRange, nameof(noise));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_noise.MaxRange, _noise.MinRange, nameof(noise));
        Camera = camera;
        _textures = textures ?? new TextureCache();
        _rasterizer = new Rasterizer(camera);
        _frame = new RenderedFrame(camera);
        var n = camera.Width * camera.Height;
        _freeInvZ = new float[n];
        _observedInvZ = new float[n];
        _background = new byte[n * 3];
        for (var i = 0; i < _background.Length; i += 3)
        {
            _background[i] = SceneGeometry.Background.R;
            _background[i + 1] = SceneGeometry.Background.G;
            _background[i + 2] = SceneGeometry.Background.B;
        }

        var g = GaussianTable.Quantiles(256);
        _rgbNoise = new sbyte[g.Length];
        for (var i = 0; i < g.Length; i++)
        {
            _rgbNoise[i] = (sbyte)Math.Clamp(Math.Round(_noise.RgbSigma * g[i]), -127, 127);
        }
    }

    /// <summary>The camera.</summary>
    public CameraModel Camera { get; }

    /// <summary>The texture cache item photos are loaded into.</summary>
    public TextureCache Textures => _textures;

    /// <summary>Renders one frame.</summary>
    /// <param name="scene">What to draw.</param>
    /// <param name="captureTime">Capture time [s] on the caller's clock, stored in the frame.</param>
    /// <param name="seed">Sensor noise seed: the same scene, camera and seed give the same bytes.</param>
    /// <returns>The renderer's own frame, overwritten by the next call (<see cref="RenderedFrame.Clone"/> to keep it).</returns>
    /// <exception cref="FileNotFoundException">A box's texture file does not exist.</exception>
    public RenderedFrame Render(RenderScene scene, double captureTime, int seed)
    {
        ArgumentNullException.ThrowIfNull(scene);
        UsePod(scene.Pod);
        var f = _frame;
        var r = _rasterizer;

        // Pass 1: the scene without bands (ground truth).
        Array.Clear(_freeInvZ);
        _background.CopyTo(f.BandFreeRgb, 0);
        r.SetTarget(_freeInvZ, f.BandFreeRgb, null);
        var structure = _structure;
        for (var i = 0; i < structure.Count; i++)
        {
            r.Draw(structure[i]);
        }

        var boxes = scene.Boxes;
        for (var i = 0; i < boxes.Count; i++)
        {
            var box = boxes[i];
            var tex = box.TextureKey is null ? null : _textures.Get(box.TextureKey);
            SceneGeometry.DrawBox(box, tex, r);
        }

        // Pass 2: bands in front of it; the mask records where a band wins the depth test.
        _freeInvZ.CopyTo(_observedInvZ, 0);
        f.BandFreeRgb.CopyTo(f.Rgb, 0);
        Array.Clear(f.BandMask);
        r.SetTarget(_observedInvZ, f.Rgb, f.BandMask);
        var bins = scene.Pod.Bins;
        var held = scene.BandsHeldAside;
        for (var b = 0; b < _bands.Length; b++)
        {
            if (held.Count > 0 && held.Contains(bins[b].Id))
            {
                continue;
            }

            var bands = _bands[b];
            for (var k = 0; k < bands.Length; k++)
            {
                r.Draw(bands[k]);
            }
        }

        // Pass 3: depth images and sensor noise.
        var rng = new SplitMix64(seed);
        ToDepth(_freeInvZ, f.BandFreeDepth, 0, ref rng);
        ToDepth(_observedInvZ, f.Depth, _noise.DepthSigmaAt1M, ref rng);
        if (_noise.RgbSigma > 0)
        {
            AddRgbNoise(f.Rgb, ref rng);
        }

        f.CaptureTime = captureTime;
        f.Seed = seed;
        f.Quads = _quads;
        return f;
    }

    private void UsePod(PodType pod)
    {
        if (ReferenceEquals(pod, _pod))
        {
            return;
        }

        _structure.Clear();
        SceneGeometry.AddStructure(pod, _structure);
        _bands = SceneGeometry.Bands(pod);
        _quads = Camera.ProjectOpenings(pod);
        _pod = pod;
    }

    private void ToDepth(float[] invZ, ushort[] depth, double sigmaAt1M, ref SplitMix64 rng)
    {
        var g = GaussianTable.Values;
        double min = _noise.MinRange, max = _noise.MaxRange;
        ulong bits = 0;
        var left = 0;
        for (var i = 0; i < invZ.Length; i++)
        {
            var iz = invZ[i];
            if (iz <= 0)
            {
                depth[i] = 0;
                continue;
            }

            double z = 1.0 / iz;
            if (z < min || z > max)
            {
                depth[i] = 0;
                continue;
            }

            if (sigmaAt1M > 0)
            {
                if (left == 0)
                {
                    bits = rng.Next();
                    left = 4;
                }

                z += sigmaAt1M * z * z * g[(int)(bits & 0xFFFF)];
                bits >>= 16;
                left--;
            }

            depth[i] = (ushort)Math.Clamp(Math.Round(z * 1000), 1, ushort.MaxValue);
        }
    }

    private void AddRgbNoise(byte[] rgb, ref SplitMix64 rng)
    {
        // 8 random bits per sample, 8 samples per draw; saturating add.
        var table = _rgbNoise;
        ulong bits = 0;
        for (var i = 0; i < rgb.Length; i++)
        {
            if ((i & 7) == 0)
            {
                bits = rng.Next();
            }

            var v = rgb[i] + table[(int)(bits & 0xFF)];
            bits >>= 8;
            rgb[i] = (byte)(v < 0 ? 0 : v > 255 ? 255 : v);
        }
    }
}
