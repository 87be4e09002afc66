namespace Stow.Sim.Rendering;

using Stow.Core.Geometry;
using Stow.Core.Pods;

/// <summary>
/// A pinhole camera without lens distortion: intrinsics [px] and the pose of the camera's optical
/// frame in the pod-face frame. Optical frame as in ROS (REP 103, <c>*_optical_frame</c>): z forward
/// along the optical axis, x right, y down. Pod-face frame: x into the pod, y to the robot's left, z up.
/// Projection (Hartley and Zisserman, Multiple View Geometry, 2nd ed., eq. 6.4):
/// u = fx·X/Z + cx, v = fy·Y/Z + cy with (X, Y, Z) in the optical frame; image coordinates follow
/// OpenCV (pixel centres at integers). Immutable and thread-safe.
/// </summary>
public sealed class CameraModel
{
    /// <summary>Closest distance along the optical axis that is drawn [m] (near clipping plane).</summary>
    public const double NearPlane = 0.05;

    private readonly double[] _faceToCamera;

    /// <summary>Creates a camera.</summary>
    /// <param name="fx">Focal length along u [px], &gt; 0.</param>
    /// <param name="fy">Focal length along v [px], &gt; 0.</param>
    /// <param name="cx">Principal point u [px].</param>
    /// <param name="cy">Principal point v [px].</param>
    /// <param name="width">Image width [px], 1..8192.</param>
    /// <param name="height">Image height [px], 1..8192.</param>
    /// <param name="pose">Optical frame in the pod-face frame [m]; the orientation must be a unit quaternion.</param>
    /// <exception cref="ArgumentOutOfRangeException">A focal length or size is out of range, or the orientation is not unit length.</exception>
    public CameraModel(double fx, double fy, double cx, double cy, int width, int height, Pose pose)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 8192);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 8192);
        var q = pose.Orientation;
        var n = Math.Sqrt((q.X * q.X) + (q.Y * q.Y) + (q.Z * q.Z) + (q.W * q.W));
        if (Math.Abs(n - 1) > 1e-6)
        {
            throw new ArgumentOutOfRangeException(nameof(pose), n, "camera orientation must be a unit quaternion");
        }

        Fx = fx;
        Fy = fy;
        Cx = cx;
        Cy = cy;
        Width = width;
        Height = height;
        Pose = pose;
        _faceToCamera = RotationTransposed(q);
    }

    /// <summary>Focal length along u [px].</summary>
    public double Fx { get; }

    /// <summary>Focal length along v [px].</summary>
    public double Fy { get; }

    /// <summary>Principal point u [px].</summary>
    public double Cx { get; }

    /// <summary>Principal point v [px].</summary>
    public double Cy { get; }

    /// <summary>Image width [px].</summary>
    public int Width { get; }

    /// <summary>Image height [px].</summary>
    public int Height { get; }

    /// <summary>The optical frame in the pod-face frame [m].</summary>
    public Pose Pose { get; }

    /// <summary>
    /// A camera at <paramref name="eye"/> looking at <paramref name="target"/> (pod-face frame [m]) with
    /// image "up" towards the face's +z; principal point at the image centre.
    /// </summary>
    /// <param name="eye">Camera centre [m].</param>
    /// <param name="target">A point on the optical axis [m]; must not lie straight above or below the eye.</param>
    /// <param name="focal">Focal length fx = fy [px].</param>
    /// <param name="width">Image width [px].</param>
    /// <param name="height">Image height [px].</param>
    /// <returns>The camera.</returns>
    /// <exception cref="ArgumentException">The viewing direction is zero or parallel to z.</exception>
    public static CameraModel LookAt(Vec3 eye, Vec3 target, double focal, int width, int height)
    {
        var forward = target - eye;
        if (forward.Length < 1e-9)
        {
            throw new ArgumentException("eye and target coincide", nameof(target));
        }

        var z = forward / forward.Length;
        var right = Vec3.Cross(z, Vec3.UnitZ);
        if (right.Length < 1e-6)
        {
            throw new ArgumentException("viewing direction is parallel to the face's z axis", nameof(target));
        }

        var x = right / right.Length;
        var y = Vec3.Cross(z, x);
        var q = FromColumns(x, y, z);
        return new CameraModel(focal, focal, (width - 1) / 2.0, (height - 1) / 2.0, width, height, new Pose(eye, q));
    }

    /// <summary>
    /// The default face camera: <paramref name="distance"/> in front of the face's centre, looking
    /// straight into the pod, square pixels, focal length chosen so the whole face fits with a 5 % margin.
    /// For <c>fabric-40</c> at 640×480 from 2 m: f ≈ 376 px (a wide lens, ~79°×65° field of view).
    /// </summary>
    /// <param name="pod">The pod type.</param>
    /// <param name="width">Image width [px].</param>
    /// <param name="height">Image height [px].</param>
    /// <param name="distance">Distance from the opening plane [m], &gt; 0 (1.5..2 m in the cell).</param>
    /// <returns>The camera.</returns>
    public static CameraModel DefaultFor(PodType pod, int width = 640, int height = 480, double distance = 2.0)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(distance);
        const double margin = 1.05;
        var focal = Math.Min(width * distance / (pod.FaceWidth * margin), height * distance / (pod.FaceHeight * margin));
        var centre = new Vec3(0, pod.FaceWidth / 2, pod.FaceHeight / 2);
        return LookAt(centre - new Vec3(distance, 0, 0), centre, focal, width, height);
    }

    /// <summary>
    /// A close-up camera straight in front of one bin's opening centre, fitting the opening with a 10 % margin.
    /// </summary>
    /// <param name="bin">The bin.</param>
    /// <param name="width">Image width [px].</param>
    /// <param name="height">Image height [px].</param>
    /// <param name="distance">Distance from the opening plane [m], &gt; 0.</param>
    /// <returns>The camera.</returns>
    public static CameraModel ForBin(BinSpec bin, int width, int height, double distance = 0.6)
    {
        ArgumentNullException.ThrowIfNull(bin);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(distance);
        const double margin = 1.1;
        var focal = Math.Min(width * distance / (bin.OpeningWidth * margin), height * distance / (bin.OpeningHeight * margin));
        var centre = bin.Origin + new Vec3(0, bin.OpeningWidth / 2, bin.OpeningHeight / 2);
        return LookAt(centre - new Vec3(distance, 0, 0), centre, focal, width, height);
    }

    /// <summary>Maps a point from the pod-face frame into the optical frame [m].</summary>
    /// <param name="pointInFace">Point in the pod-face frame [m].</param>
    /// <returns>The point in the optical frame [m].</returns>
    public Vec3 ToCamera(Vec3 pointInFace)
    {
        var d = pointInFace - Pose.Position;
        var r = _faceToCamera;
        return new Vec3(
            (r[0] * d.X) + (r[1] * d.Y) + (r[2] * d.Z),
            (r[3] * d.X) + (r[4] * d.Y) + (r[5] * d.Z),
            (r[6] * d.X) + (r[7] * d.Y) + (r[8] * d.Z));
    }

    /// <summary>Projects a pod-face point into the image.</summary>
    /// <param name="pointInFace">Point in the pod-face frame [m].</param>
    /// <param name="pixel">Image coordinates [px] (may lie outside the image); NaN when not projectable.</param>
    /// <param name="depth">Distance along the optical axis [m] (what a depth camera reports).</param>
    /// <returns>False when the point is closer than <see cref="NearPlane"/> or behind the camera.</returns>
    public bool TryProject(Vec3 pointInFace, out ImagePoint pixel, out double depth)
    {
        var c = ToCamera(pointInFace);
        depth = c.Z;
        if (c.Z < NearPlane)
        {
            pixel = new ImagePoint(double.NaN, double.NaN);
            return false;
        }

        pixel = new ImagePoint((Fx * c.X / c.Z) + Cx, (Fy * c.Y / c.Z) + Cy);
        return true;
    }

    /// <summary>Projects one bin opening's corners (in the opening plane x = bin origin x).</summary>
    /// <param name="bin">The bin.</param>
    /// <returns>The quad; corners behind the camera are NaN (<see cref="BinQuad.IsValid"/> false).</returns>
    public BinQuad ProjectOpening(BinSpec bin)
    {
        ArgumentNullException.ThrowIfNull(bin);
        var o = bin.Origin;
        return new BinQuad(
            bin.Id,
            Project(o + new Vec3(0, bin.OpeningWidth, bin.OpeningHeight)),
            Project(o + new Vec3(0, 0, bin.OpeningHeight)),
            Project(o),
            Project(o + new Vec3(0, bin.OpeningWidth, 0)));
    }

    /// <summary>Projects every bin opening of a pod, in the pod's bin order.</summary>
    /// <param name="pod">The pod type.</param>
    /// <returns>One quad per bin.</returns>
    public IReadOnlyList<BinQuad> ProjectOpenings(PodType pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var quads = new BinQuad[pod.Bins.Count];
        for (var i = 0; i < quads.Length; i++)
        {
            quads[i] = ProjectOpening(pod.Bins[i]);
        }

        return quads;
    }

    /// <summary>Row-major rotation pod-face → optical (p_cam = R·(p − t)); 9 elements, shared, do not modify.</summary>
    internal double[] FaceToCameraRotation => _faceToCamera;

    private ImagePoint Project(Vec3 p)
    {
        TryProject(p, out var px, out _);
        return px;
    }

    private static double[] RotationTransposed(Quat q)
    {
        // Rotation matrix of a unit quaternion (camera → face), then transposed (face → camera).
        var (x, y, z, w) = (q.X, q.Y, q.Z, q.W);
        var m00 = 1 - (2 * ((y * y) + (z * z)));
        var m01 = 2 * ((x * y) - (z * w));
        var m02 = 2 * ((x * z) + (y * w));
        var m10 = 2 * ((x * y) + (z * w));
        var m11 = 1 - (2 * ((x * x) + (z * z)));
        var m12 = 2 * ((y * z) - (x * w));
        var m20 = 2 * ((x * z) - (y * w));
        var m21 = 2 * ((y * z) + (x * w));
        var m22 = 1 - (2 * ((x * x) + (y * y)));
        return [m00, m10, m20, m01, m11, m21, m02, m12, m22];
    }

    private static Quat FromColumns(Vec3 c0, Vec3 c1, Vec3 c2)
    {
        // Shepperd's method (J. Guidance and Control 1(3), 1978) on the matrix [c0 c1 c2].
        double m00 = c0.X, m10 = c0.Y, m20 = c0.Z, m01 = c1.X, m11 = c1.Y, m21 = c1.Z, m02 = c2.X, m12 = c2.Y, m22 = c2.Z;
        var trace = m00 + m11 + m22;
        Quat q;
        if (trace > 0)
        {
            var s = Math.Sqrt(trace + 1) * 2;
            q = new Quat((m21 - m12) / s, (m02 - m20) / s, (m10 - m01) / s, 0.25 * s);
        }
        else if (m00 > m11 && m00 > m22)
        {
            var s = Math.Sqrt(1 + m00 - m11 - m22) * 2;
            q = new Quat(0.25 * s, (m01 + m10) / s, (m02 + m20) / s, (m21 - m12) / s);
        }
        else if (m11 > m22)
        {
            var s = Math.Sqrt(1 + m11 - m00 - m22) * 2;
            q = new Quat((m01 + m10) / s, 0.25 * s, (m12 + m21) / s, (m02 - m20) / s);
        }
        else
        {
            var s = Math.Sqrt(1 + m22 - m00 - m11) * 2;
            q = new Quat((m02 + m20) / s, (m12 + m21) / s, 0.25 * s, (m10 - m01) / s);
        }

        var n = Math.Sqrt((q.X * q.X) + (q.Y * q.Y) + (q.Z * q.Z) + (q.W * q.W));
        return new Quat(q.X / n, q.Y / n, q.Z / n, q.W / n);
    }
}
