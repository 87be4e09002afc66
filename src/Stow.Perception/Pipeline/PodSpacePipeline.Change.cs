using Stow.Perception.Change;
using Stow.Perception.Rectification;

namespace Stow.Perception.Pipeline;

/// <summary>Change detection on a bin between two frames of its camera (partial of <see cref="PodSpacePipeline"/>).</summary>
public sealed partial class PodSpacePipeline
{
    /// <summary>
    /// How bin index <paramref name="binIndex"/>'s depth changed between two frames of its camera
    /// (<see cref="BinDepthChange.Measure"/> with this pipeline's rectification, back-projection and depth noise): what a
    /// stow attempt put into the bin, and where. Runs no model; allocates the result's strips only (and the bin
    /// back-projections once per image size). Not thread-safe: one caller at a time, as the pipeline.
    /// </summary>
    /// <param name="binIndex">The bin's index on the face (<see cref="IndexOf"/>).</param>
    /// <param name="before">The bin's camera's frame before the attempt.</param>
    /// <param name="after">The same camera's frame after it.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such bin index.</exception>
    /// <exception cref="ArgumentException">The frames differ in size or do not match their buffers.</exception>
    public DepthChangeProfile MeasureChange(int binIndex, RgbdFrame before, RgbdFrame after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentOutOfRangeException.ThrowIfNegative(binIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(binIndex, _maps.Length);
        EnsureProjections((after.Width, after.Height));
        return BinDepthChange.Measure(_maps[binIndex], _projections![binIndex], _pod.Bins[binIndex], before, after, _depthSigmaAt1M);
    }

    /// <summary>Builds every bin's back-projection for frames of <paramref name="size"/> (once per size).</summary>
    private void EnsureProjections((int Width, int Height) size)
    {
        if (_projections is null || _projectionSize != size)
        {
            _projections = _maps.Select((m, i) => new BinBackProjection(m, _quads[i], _intrinsics, size.Width, size.Height, _depthSigmaAt1M)).ToArray();
            _projectionSize = size;
        }
    }
}
