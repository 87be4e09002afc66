using OpenCvSharp;
using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Perception.Onnx;
using Stow.Perception.Rectification;
using Stow.Perception.Space;

namespace Stow.Perception.Pipeline;

/// <summary>
/// Frames → bin rectification (each opening's quad → a fixed-size crop) → band model (erase the
/// bands) → space model (free-depth map + confidence) → <see cref="FreeDepthAnalyzer"/> →
/// <see cref="PodSpaceEstimate"/> stamped with the frame's capture time.
/// </summary>
/// <remarks>
/// Model contract (checked against the manifests at construction): band model input
/// <c>crop</c> [batch, 4, H, W] → <c>band_mask</c> [batch, 1, H, W] and <c>band_free</c> [batch, 4, H, W];
/// space model input <c>band_free</c> [batch, 4, H, W] → <c>free_depth</c> [batch, 1, GR, GC] (metres,
/// image orientation) and <c>confidence</c> [batch, 1]; from version 3 also <c>free_volume</c> [batch, 1], the bin's free
/// volume as a fraction of its volume, hidden space behind contents included (without it the free volume is the
/// map's integral, the space in front of the first contents). The space model's input <c>space_in</c> is
/// [batch, 6, H, W]: the band-free crop plus the viewing ray of every crop pixel in normalised image
/// coordinates ((u − cx)/fx, (v − cy)/fy), because how far a bin is off the optical axis decides how much
/// of its floor or ceiling the camera sees in front of the contents (perspective). With <see cref="GeometricBound"/> (the
/// default) each cell of the learned map is capped by the geometric free depth of <see cref="BinBackProjection"/>, computed
/// from the observed depth with the band model's band pixels left out: the geometry is exact where the camera sees the
/// contents, so the learned map can no longer over-state free depth there (an over-stated free depth is what leaves an
/// item protruding). Two bound runners per model (whole face, single bin) are created once; steady-state runs reuse their
/// buffers. Each bin's <see cref="BinRectification"/> (perspective transform and <c>Remap</c> maps, native memory) is built
/// once at construction and freed by <see cref="Dispose"/>; a run wraps each frame's buffers in <c>Mat</c> headers without
/// copying them and converts each colour image once to float in [0, 1] (into a buffer kept per camera), so that the crops are
/// interpolated in float as the training set's were. Not thread-safe: one caller at a time.
/// </remarks>
public sealed partial class PodSpacePipeline : IDisposable
{
    private readonly PodType _pod;
    private readonly BinRectification[] _maps;
    private readonly BoundPair _face;
    private readonly BoundPair _single;
    private readonly ModelNormalization? _bandNorm;
    private readonly ModelNormalization? _spaceNorm;
    private readonly float[][] _rays;
    private readonly string _spaceInput;
    private readonly int _spaceChannels;
    private readonly bool _volumeHead;
    private readonly int[] _frameOfBin;
    private readonly IReadOnlyList<OpeningQuad> _quads;
    private readonly (double Fx, double Fy, double Cx, double Cy) _intrinsics;
    private readonly double _depthSigmaAt1M;
    private readonly float[] _geo;
    private readonly Mat?[] _rgbMats;
    private readonly Mat?[] _depthMats;
    private readonly Mat[] _unitRgb;
    private BinBackProjection[]? _projections;
    private (int Width, int Height) _projectionSize;

    /// <summary>Channels of the space model's input: band-free R, G, B, D, then ray x, ray y.</summary>
    public const int SpaceChannels = 6;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="band">Band model (loaded with its manifest).</param>
    /// <param name="space">Space model (loaded with its manifest).</param>
    /// <param name="pod">Pod face geometry.</param>
    /// <param name="quads">Each bin's opening in the image, in <see cref="PodType.Bins"/> order.</param>
    /// <param name="intrinsics">Camera intrinsics (fx, fy, cx, cy) [px] of the frames.</param>
    /// <param name="depthSigmaAt1M">The depth sensor's noise σ at 1 m [m] (its calibration), for the geometric bound's wall
    /// margins. Default 0.0015, the simulator's sensor.</param>
    /// <exception cref="ModelContractException">The models do not follow the contract above.</exception>
    /// <exception cref="ArgumentException">Quads do not match the bins.</exception>
    /// <param name="frameOfBin">For each bin (in <see cref="PodType.Bins"/> order) the camera whose frame shows it, the quads being
    /// in that camera's image; null = one camera for all. All cameras share <paramref name="intrinsics"/> and one image size.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depthSigmaAt1M"/> is negative or not finite, or a camera index is negative.</exception>
    public PodSpacePipeline(
        OnnxModel band, OnnxModel space, PodType pod, IReadOnlyList<OpeningQuad> quads, (double Fx, double Fy, double Cx, double Cy) intrinsics,
        double depthSigmaAt1M = 0.0015, IReadOnlyList<int>? frameOfBin = null)
    {
        _frameOfBin = frameOfBin?.ToArray() ?? new int[pod.Bins.Count];
        if (_frameOfBin.Length != pod.Bins.Count || _frameOfBin.Any(f => f < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(frameOfBin), $"need one non-negative camera index per bin ({pod.Bins.Count})");
        }

        FrameCount = _frameOfBin.Max() + 1;
        if (!(depthSigmaAt1M >= 0) || !double.IsFinite(depthSigmaAt1M))
        {
            throw new ArgumentOutOfRangeException(nameof(depthSigmaAt1M), depthSigmaAt1M, "depth noise must be finite and ≥ 0 m");
        }

        if (quads.Count != pod.Bins.Count)
        {
            throw new ArgumentException($"{quads.Count} opening quads for {pod.Bins.Count} bins");
        }

        var input = Spec(band.Manifest, band.Manifest.Inputs, "crop");
        Spec(band.Manifest, band.Manifest.Outputs, "band_free");
        Spec(band.Manifest, band.Manifest.Outputs, "band_mask");
        // Space models of version 1 take the band-free crop alone ('band_free', 4 channels); version 2
        // adds the two viewing-ray channels ('space_in', 6 channels).
        var spaceIn = space.Manifest.Inputs.FirstOrDefault(i => i.Name == "space_in") ?? Spec(space.Manifest, space.Manifest.Inputs, "band_free");
        _spaceInput = spaceIn.Name;
        _spaceChannels = spaceIn.Name == "space_in" ? SpaceChannels : BinRectification.Channels;
        var depth = Spec(space.Manifest, space.Manifest.Outputs, "free_depth");
        Spec(space.Manifest, space.Manifest.Outputs, "confidence");
        if (space.Manifest.Outputs.FirstOrDefault(o => o.Name == "free_volume") is { } vol)
        {
            if (vol.Shape.Count != 2 || vol.Shape[1].Size != 1)
            {
                throw new ModelContractException(space.Manifest.ModelPath, "outputs", $"model {space.Manifest.Name}: output 'free_volume' must be [batch,1], is {vol.ShapeText}");
            }

            _volumeHead = true;
        }
        if (input.Shape.Count != 4 || input.Shape[1].Size != BinRectification.Channels || depth.Shape.Count != 4)
        {
            throw new ModelContractException(band.Manifest.ModelPath, "inputs", $"model {band.Manifest.Name}: input 'crop' must be [batch,4,H,W], is {input.ShapeText}");
        }

        CropHeight = (int)input.Shape[2].Size;
        CropWidth = (int)input.Shape[3].Size;
        GridRows = (int)depth.Shape[2].Size;
        GridCols = (int)depth.Shape[3].Size;
        _bandNorm = input.Normalization is { IsIdentity: false } bn ? bn : null;
        if (spaceIn.Shape.Count != 4 || spaceIn.Shape[1].Size != _spaceChannels)
        {
            throw new ModelContractException(space.Manifest.ModelPath, "inputs", $"model {space.Manifest.Name}: input '{spaceIn.Name}' must be [batch,{_spaceChannels},H,W], is {spaceIn.ShapeText}");
        }

        _spaceNorm = spaceIn.Normalization is { IsIdentity: false } sn ? sn : null;
        _pod = pod;
        _maps = quads.Select(q => new BinRectification(q, CropWidth, CropHeight)).ToArray();
        _rays = _maps.Select(m => RayChannels(m, intrinsics)).ToArray();
        var plane = CropWidth * CropHeight;
        _face = new BoundPair(band.Bind(pod.Bins.Count), space.Bind(pod.Bins.Count), new float[pod.Bins.Count * plane]);
        _single = new BoundPair(band.Bind(1), space.Bind(1), new float[plane]);
        _quads = quads;
        _intrinsics = intrinsics;
        _depthSigmaAt1M = depthSigmaAt1M;
        _geo = new float[GridRows * GridCols];
        _rgbMats = new Mat?[FrameCount];
        _depthMats = new Mat?[FrameCount];
        _unitRgb = Enumerable.Range(0, FrameCount).Select(_ => new Mat()).ToArray();
        var bandProvider = band.Session.ExecutionProvider;
        var spaceProvider = space.Session.ExecutionProvider;
        ExecutionProvider = bandProvider == spaceProvider ? bandProvider : $"band {bandProvider}, space {spaceProvider}";
    }

    /// <summary>
    /// The ONNX Runtime execution providers that actually ran the two models, as ORT's profile showed at load
    /// (<see cref="OnnxSession.ExecutionProvider"/>): e.g. <c>cpu</c> when both ran on CPU, or
    /// <c>band cuda, space cuda+cpu</c> when they differ. Not the provider asked for: CUDA can fall back to CPU.
    /// </summary>
    public string ExecutionProvider { get; }

    /// <summary>
    /// Cap the learned free-depth map by the geometric one (see remarks). Default true; false gives the learned map alone.
    /// </summary>
    public bool GeometricBound { get; set; } = true;

    /// <summary>
    /// Safety margin subtracted from every predicted free depth [m] before analysis, so that an
    /// over-estimate does not turn into an item left protruding past the bands. 0 by default (the raw
    /// estimate, as evaluated); the main job sets it to the space model's validation free-depth MAE.
    /// </summary>
    public float DepthMargin { get; set; }

    /// <summary>Crop width [px].</summary>
    public int CropWidth { get; }

    /// <summary>Crop height [px].</summary>
    public int CropHeight { get; }

    /// <summary>Free-depth grid rows.</summary>
    public int GridRows { get; }

    /// <summary>Free-depth grid columns.</summary>
    public int GridCols { get; }

    /// <summary>Number of frames (cameras) a face needs: one more than the largest camera index of <c>frameOfBin</c>.</summary>
    public int FrameCount { get; }

    /// <summary>The index of the frame (camera) that sees bin index <paramref name="binIndex"/>.</summary>
    public int FrameOfBin(int binIndex) => _frameOfBin[binIndex];

    /// <summary>Estimates every bin of the face from one frame (a single-camera pipeline).</summary>
    /// <exception cref="ArgumentException">Frame buffers inconsistent with its size, or the pipeline needs several frames.</exception>
    public PodSpaceEstimate Perceive(PodId podId, RgbdFrame frame) => Perceive(podId, [frame]);

    /// <summary>
    /// Estimates every bin of the face, each from the frame of its camera; stamped with the first frame's capture time
    /// (the rig's cameras are triggered together).
    /// </summary>
    /// <param name="podId">The pod.</param>
    /// <param name="frames">One frame per camera, in camera order (<see cref="FrameCount"/> of them).</param>
    /// <exception cref="ArgumentException">Wrong number of frames, or frame buffers inconsistent with their size.</exception>
    public PodSpaceEstimate Perceive(PodId podId, IReadOnlyList<RgbdFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count != FrameCount)
        {
            throw new ArgumentException($"{frames.Count} frames for a pipeline calibrated for {FrameCount} cameras", nameof(frames));
        }

        var n = _pod.Bins.Count;
        Run(_face, frames, singleBin: false, 0, n);
        var bins = new BinSpaceEstimate[n];
        for (var i = 0; i < n; i++)
        {
            bins[i] = Analyze(_face, i, i, frames[0].CaptureTime);
        }

        return new PodSpaceEstimate(podId, frames[0].CaptureTime, bins);
    }

    /// <summary>Re-estimates one bin (one crop through both models) from the frame of its camera (<see cref="FrameOfBin"/>).</summary>
    /// <exception cref="KeyNotFoundException">No such bin on the face.</exception>
    public BinSpaceEstimate PerceiveBin(BinId bin, RgbdFrame frame)
    {
        var i = IndexOf(bin);
        Run(_single, [frame], singleBin: true, i, 1);
        return Analyze(_single, 0, i, frame.CaptureTime);
    }

    /// <summary>The index of bin <paramref name="bin"/> on the face.</summary>
    /// <exception cref="KeyNotFoundException">No such bin on the face.</exception>
    public int IndexOf(BinId bin)
    {
        for (var i = 0; i < _pod.Bins.Count; i++)
        {
            if (_pod.Bins[i].Id == bin)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"pod type {_pod.Name} has no bin {bin}");
    }

    /// <summary>The band mask of the last face run for bin index <paramref name="i"/> (H·W probabilities).</summary>
    public ReadOnlySpan<float> LastBandMask(int i)
    {
        var size = CropWidth * CropHeight;
        return _face.Band.Output("band_mask").AsSpan<float>().Slice(i * size, size);
    }

    /// <summary>The band mask of the last single-bin run (<see cref="PerceiveBin"/>): <see cref="CropHeight"/>·<see cref="CropWidth"/>
    /// probabilities in crop orientation (<see cref="MapOf"/> maps them to image pixels). Valid until the next run; not thread-safe.</summary>
    public ReadOnlySpan<float> LastBinBandMask() => _single.Band.Output("band_mask").AsSpan<float>()[..(CropWidth * CropHeight)];

    /// <summary>The crop-to-image sampling map of bin index <paramref name="binIndex"/> (owned by the pipeline: do not dispose).</summary>
    public BinRectification MapOf(int binIndex) => _maps[binIndex];

    /// <summary>Whether the space model has the free-volume head (version 3 and later).</summary>
    public bool HasVolumeHead => _volumeHead;

    /// <inheritdoc />
    public void Dispose()
    {
        _face.Dispose();
        _single.Dispose();
        foreach (var map in _maps)
        {
            map.Dispose();
        }

        foreach (var image in _unitRgb)
        {
            image.Dispose();
        }
    }

    private void Run(BoundPair p, IReadOnlyList<RgbdFrame> frames, bool singleBin, int first, int count)
    {
        var size = BinRectification.Channels * CropWidth * CropHeight;
        var plane = CropWidth * CropHeight;
        var crop = p.Band.Input("crop").AsSpan<float>();
        var rgb = _rgbMats;
        var depthMm = _depthMats;
        try
        {
            for (var k = 0; k < count; k++)
            {
                var f = singleBin ? 0 : _frameOfBin[first + k];
                if (rgb[f] is null)
                {
                    (rgb[f], depthMm[f]) = Wrap(frames[f]);
                    ToUnit(rgb[f]!, _unitRgb[f], singleBin ? _maps[first] : null);
                }

                _maps[first + k].Rectify(_unitRgb[f], depthMm[f]!, crop.Slice(k * size, size));
                if (GeometricBound)
                {
                    _maps[first + k].RectifyDepth(depthMm[f]!, p.Observed.AsSpan(k * plane, plane));
                }
            }
        }
        finally
        {
            for (var f = 0; f < rgb.Length; f++)
            {
                rgb[f]?.Dispose();
                depthMm[f]?.Dispose();
                rgb[f] = depthMm[f] = null;
            }
        }

        var first0 = frames[singleBin ? 0 : _frameOfBin[first]];
        var size0 = (first0.Width, first0.Height);
        if (GeometricBound)
        {
            EnsureProjections(size0);
        }

        Normalize(crop, _bandNorm, BinRectification.Channels);
        p.Band.Run();
        var spaceIn = p.Space.Input(_spaceInput).AsSpan<float>();
        var bandFree = p.Band.Output("band_free").AsSpan<float>();
        var stride = _spaceChannels * plane;
        for (var k = 0; k < count; k++)
        {
            bandFree.Slice(k * size, size).CopyTo(spaceIn.Slice(k * stride, size));
            if (_spaceChannels == SpaceChannels)
            {
                _rays[first + k].CopyTo(spaceIn.Slice((k * stride) + size, 2 * plane));
            }
        }

        Normalize(spaceIn.Slice(0, count * stride), _spaceNorm, _spaceChannels);
        p.Space.Run();
    }

    private BinSpaceEstimate Analyze(BoundPair p, int slot, int binIndex, double time)
    {
        var cells = GridRows * GridCols;
        var spec = _pod.Bins[binIndex];
        var src = p.Space.Output("free_depth").AsSpan<float>().Slice(slot * cells, cells);
        var bound = GeometricBound && _projections is not null;
        if (bound)
        {
            var plane = CropWidth * CropHeight;
            var mask = p.Band.Output("band_mask").AsSpan<float>().Slice(slot * plane, plane);
            _projections![binIndex].Splat(p.Observed.AsSpan(slot * plane, plane), mask, (float)spec.Depth, GridRows, GridCols, _geo);
        }

        var map = new float[cells];
        for (var k = 0; k < cells; k++)
        {
            // Image orientation (row 0 top, column 0 image-left = the bin's left wall) reversed on both
            // axes is the bin grid (row 0 at the floor, column 0 at y = 0).
            var learned = bound ? Math.Min(src[k], _geo[k]) : src[k];
            map[cells - 1 - k] = Math.Clamp(learned - DepthMargin, 0f, (float)spec.Depth);
        }

        var conf = Math.Clamp(p.Space.Output("confidence").AsSpan<float>()[slot], 0f, 1f);
        double? volume = _volumeHead ? Math.Clamp(p.Space.Output("free_volume").AsSpan<float>()[slot], 0f, 1f) * spec.Volume : null;
        return FreeDepthAnalyzer.Analyze(spec, map, GridRows, GridCols, time, conf, volume);
    }

    private void Normalize(Span<float> t, ModelNormalization? norm, int channels)
    {
        if (norm is null)
        {
            return;
        }

        var plane = CropWidth * CropHeight;
        for (var k = 0; k < t.Length; k++)
        {
            t[k] = norm.Apply(t[k], (k / plane) % channels);
        }
    }

    /// <summary>
    /// The two ray channels of a crop: normalised image coordinates ((x − cx)/fx, (y − cy)/fy) of the image point that each crop
    /// pixel samples (<see cref="BinRectification.MapX"/>, <see cref="BinRectification.MapY"/>), [2, H, W].
    /// </summary>
    public static float[] RayChannels(BinRectification map, (double Fx, double Fy, double Cx, double Cy) k)
    {
        ArgumentNullException.ThrowIfNull(map);
        var plane = map.Width * map.Height;
        var rays = new float[2 * plane];
        for (var i = 0; i < plane; i++)
        {
            rays[i] = (float)((map.MapX[i] - k.Cx) / k.Fx);
            rays[plane + i] = (float)((map.MapY[i] - k.Cy) / k.Fy);
        }

        return rays;
    }

    /// <summary>
    /// Converts a colour image to float in [0, 1] into <paramref name="unit"/> (kept per camera: reallocated only when the frame
    /// size changes): the whole image for a face, only the part <paramref name="bin"/> reads for a single bin.
    /// </summary>
    private static void ToUnit(Mat rgb, Mat unit, BinRectification? bin)
    {
        if (unit.Rows != rgb.Rows || unit.Cols != rgb.Cols || unit.Type() != MatType.CV_32FC3)
        {
            unit.Create(rgb.Rows, rgb.Cols, MatType.CV_32FC3);
        }

        if (bin is null)
        {
            rgb.ConvertTo(unit, MatType.CV_32FC3, 1 / 255.0);
            return;
        }

        var roi = bin.SourceRect(rgb.Cols, rgb.Rows);
        using var source = new Mat(rgb, roi);
        using var target = new Mat(unit, roi);
        source.ConvertTo(target, MatType.CV_32FC3, 1 / 255.0);
    }

    /// <summary>Wraps a frame's buffers (pinned, not copied) as <c>CV_8UC3</c> RGB and <c>CV_16UC1</c> depth; the caller disposes both.</summary>
    /// <exception cref="ArgumentException">A buffer's length does not match the frame's size.</exception>
    private static (Mat Rgb, Mat DepthMm) Wrap(RgbdFrame frame)
    {
        if (frame.Width < 1 || frame.Height < 1 || frame.Rgb.Length != frame.Width * frame.Height * 3 || frame.DepthMm.Length != frame.Width * frame.Height)
        {
            throw new ArgumentException($"frame buffers ({frame.Rgb.Length} RGB bytes, {frame.DepthMm.Length} depth samples) do not match {frame.Width}x{frame.Height}");
        }

        return (Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC3, frame.Rgb), Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_16UC1, frame.DepthMm));
    }

    private static ModelTensorSpec Spec(ModelManifest m, IReadOnlyList<ModelTensorSpec> list, string name) =>
        list.FirstOrDefault(s => s.Name == name)
        ?? throw new ModelContractException(m.ModelPath, name, $"model {m.Name}: no tensor named '{name}' in its manifest");

    private sealed record BoundPair(OnnxModelRunner Band, OnnxModelRunner Space, float[] Observed) : IDisposable
    {
        public void Dispose()
        {
            Band.Dispose();
            Space.Dispose();
        }
    }
}
