using Stow.Core.Geometry;
using Stow.Core.Pods;

namespace Stow.Sim.Rendering;

/// <summary>
/// The cell's face cameras and which camera sees each bin. A single camera in front of the middle of a 2.4 m pod looks
/// up into its upper rows, 15-30° off axis: the floor just inside such a bin is hidden below the line of sight, and a
/// thin item lying there cannot be seen, so an insertion that slides along the floor runs into it (a protruding item).
/// A tower of cameras, each at the top of the band of rows it serves and looking straight in, sees every bin from at
/// or above its opening's top edge: it looks down onto the floor and the tops of the contents. All cameras share one
/// set of intrinsics (the face camera's: the learned models see bins at the scale they were trained on). Immutable.
/// </summary>
public sealed class CameraRig
{
    private readonly int[] _cameraOfBin;

    private CameraRig(IReadOnlyList<CameraModel> cameras, int[] cameraOfBin)
    {
        Cameras = cameras;
        _cameraOfBin = cameraOfBin;
    }

    /// <summary>The cameras, bottom to top.</summary>
    public IReadOnlyList<CameraModel> Cameras { get; }

    /// <summary>For each bin of the pod type (in <see cref="PodType.Bins"/> order), the index of the camera that sees it.</summary>
    public IReadOnlyList<int> CameraOfBin => _cameraOfBin;

    /// <summary>
    /// <paramref name="count"/> cameras <paramref name="distance"/> in front of the face's vertical centre line, at the
    /// heights (i + 1)·face height / count, each looking straight in, with <see cref="CameraModel.DefaultFor"/>'s focal
    /// length; each bin is seen by the lowest camera at or above its opening's top edge. One camera is the default face
    /// camera (at mid-height, for comparison).
    /// </summary>
    /// <param name="pod">The pod type.</param>
    /// <param name="count">Number of cameras, 1..8.</param>
    /// <param name="width">Image width [px].</param>
    /// <param name="height">Image height [px].</param>
    /// <param name="distance">Distance from the opening plane [m], &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> outside 1..8.</exception>
    public static CameraRig Tower(PodType pod, int count, int width = 640, int height = 480, double distance = 2.0)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 8);
        var face = CameraModel.DefaultFor(pod, width, height, distance);
        if (count == 1)
        {
            return Single(pod, face);
        }

        var heights = Enumerable.Range(0, count).Select(i => (i + 1.0) * pod.FaceHeight / count).ToArray();
        var cameras = heights
            .Select(z => CameraModel.LookAt(new Vec3(-distance, pod.FaceWidth / 2, z), new Vec3(0, pod.FaceWidth / 2, z), face.Fx, width, height))
            .ToArray();
        var cameraOfBin = pod.Bins
            .Select(b =>
            {
                var top = b.Origin.Z + b.OpeningHeight;
                var lowest = Array.FindIndex(heights, h => h >= top - 1e-9);
                return lowest < 0 ? heights.Length - 1 : lowest;
            })
            .ToArray();
        return new CameraRig(cameras, cameraOfBin);
    }

    /// <summary>One camera that sees every bin of <paramref name="pod"/>.</summary>
    public static CameraRig Single(PodType pod, CameraModel camera)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(camera);
        return new CameraRig([camera], new int[pod.Bins.Count]);
    }

    /// <summary>The camera that sees bin index <paramref name="binIndex"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such bin.</exception>
    public CameraModel CameraFor(int binIndex) => Cameras[_cameraOfBin[binIndex]];
}
