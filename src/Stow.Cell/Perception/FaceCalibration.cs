using System.Globalization;
using Stow.Core.Geometry;
using Stow.Core.Pods;
using Stow.Hardware.Cameras;
using Stow.Perception.Rectification;

namespace Stow.Cell.Perception;

/// <summary>
/// The pod calibration the rectifier needs, from a camera's own calibration: each bin's opening (corners in the opening
/// plane x = 0 of the pod face frame, REP 103) projected through the pinhole model with the camera's intrinsics and its
/// extrinsics (the optical frame's pose in the pod face frame: z forward, x right, y down). Stateless; thread-safe.
/// </summary>
public static class FaceCalibration
{
    /// <summary>Closest corner distance accepted in front of the camera [m].</summary>
    public const double NearPlane = 0.05;

    /// <summary>Projects every bin opening of <paramref name="type"/> into the camera image.</summary>
    /// <param name="type">The pod type at the station.</param>
    /// <param name="intrinsics">The camera's intrinsics [px].</param>
    /// <param name="extrinsics">The optical frame's pose in the pod face frame [m, unit quaternion].</param>
    /// <returns>One quad per bin, in <see cref="PodType.Bins"/> order (corners top-left, top-right, bottom-right, bottom-left
    /// in the image, with each corner's depth along the optical axis [m]).</returns>
    /// <exception cref="InvalidOperationException">A corner is behind the camera or outside the image: the camera does not
    /// see that bin (the message names it).</exception>
    public static OpeningQuad[] Quads(PodType type, CameraIntrinsics intrinsics, Pose extrinsics)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Quads(type, [intrinsics], [extrinsics], new int[type.Bins.Count]);
    }

    /// <summary>
    /// Projects every bin opening of <paramref name="type"/> into the image of the camera that sees it (several face
    /// cameras, as a camera tower).
    /// </summary>
    /// <param name="type">The pod type at the station.</param>
    /// <param name="intrinsics">Each camera's intrinsics [px].</param>
    /// <param name="extrinsics">Each camera's optical-frame pose in the pod face frame [m, unit quaternion].</param>
    /// <param name="cameraOfBin">For each bin (in <see cref="PodType.Bins"/> order) the index of its camera.</param>
    /// <returns>One quad per bin, in its camera's image (corner order as the single-camera overload).</returns>
    /// <exception cref="InvalidOperationException">A corner is behind its camera or outside its image (the message names the bin).</exception>
    /// <exception cref="ArgumentException">The lists disagree in length, or a camera index is out of range.</exception>
    public static OpeningQuad[] Quads(PodType type, IReadOnlyList<CameraIntrinsics> intrinsics, IReadOnlyList<Pose> extrinsics, IReadOnlyList<int> cameraOfBin)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(intrinsics);
        ArgumentNullException.ThrowIfNull(extrinsics);
        ArgumentNullException.ThrowIfNull(cameraOfBin);
        if (intrinsics.Count != extrinsics.Count || cameraOfBin.Count != type.Bins.Count || cameraOfBin.Any(c => c < 0 || c >= intrinsics.Count))
        {
            throw new ArgumentException($"need one pose per camera ({intrinsics.Count} intrinsics, {extrinsics.Count} poses) and one camera index in 0..{intrinsics.Count - 1} per bin ({type.Bins.Count} bins, {cameraOfBin.Count} indices)");
        }

        var toCamera = extrinsics.Select(e => e.Inverse()).ToArray();
        var quads = new OpeningQuad[type.Bins.Count];
        for (var b = 0; b < quads.Length; b++)
        {
            quads[b] = Quad(type.Bins[b], intrinsics[cameraOfBin[b]], toCamera[cameraOfBin[b]]);
        }

        return quads;
    }

    /// <summary>
    /// Which camera sees each bin: the lowest camera whose optical centre is at or above the bin opening's top edge (it
    /// looks down onto the bin's floor and contents), or the highest camera when none is. One camera sees every bin.
    /// </summary>
    /// <param name="type">The pod type at the station.</param>
    /// <param name="extrinsics">Each camera's optical-frame pose in the pod face frame [m].</param>
    /// <returns>One camera index per bin, in <see cref="PodType.Bins"/> order.</returns>
    /// <exception cref="ArgumentException">No camera.</exception>
    public static int[] CameraOfBin(PodType type, IReadOnlyList<Pose> extrinsics)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(extrinsics);
        if (extrinsics.Count == 0)
        {
            throw new ArgumentException("no camera", nameof(extrinsics));
        }

        var byHeight = Enumerable.Range(0, extrinsics.Count).OrderBy(i => extrinsics[i].Position.Z).ToArray();
        return type.Bins
            .Select(b =>
            {
                var top = b.Origin.Z + b.OpeningHeight;
                var lowest = Array.FindIndex(byHeight, i => extrinsics[i].Position.Z >= top - 1e-9);
                return lowest < 0 ? byHeight[^1] : byHeight[lowest];
            })
            .ToArray();
    }

    private static OpeningQuad Quad(BinSpec bin, CameraIntrinsics intrinsics, Pose toCamera)
    {
        var o = bin.Origin;
        Vec3[] corners =
        [
            new(0, o.Y + bin.OpeningWidth, o.Z + bin.OpeningHeight),
            new(0, o.Y, o.Z + bin.OpeningHeight),
            new(0, o.Y, o.Z),
            new(0, o.Y + bin.OpeningWidth, o.Z),
        ];
        double[] u = new double[4], v = new double[4], z = new double[4];
        for (var i = 0; i < 4; i++)
        {
            var c = toCamera.Transform(corners[i]);
            if (c.Z < NearPlane)
            {
                throw new InvalidOperationException($"bin {bin.Id} corner {i} is not in front of the camera");
            }

            u[i] = (intrinsics.Fx * c.X / c.Z) + intrinsics.Cx;
            v[i] = (intrinsics.Fy * c.Y / c.Z) + intrinsics.Cy;
            z[i] = c.Z;
            if (u[i] < -0.5 || v[i] < -0.5 || u[i] > intrinsics.Width - 0.5 || v[i] > intrinsics.Height - 0.5)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"bin {bin.Id} corner {i} projects to ({u[i]:F0}, {v[i]:F0}) px, outside the {intrinsics.Width}x{intrinsics.Height} image"));
            }
        }

        return new OpeningQuad(u, v, z);
    }
}
