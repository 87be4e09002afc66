using Stow.Core.Geometry;
using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.Cameras;

/// <summary>
/// An RGB-D camera: a sensor, so it has no <c>Write</c> and takes no commands.
/// <para>Threading: <c>Read</c> and <see cref="LatestFrame"/> on the control-loop thread; a consumer on
/// another thread copies the frame it was handed and checks <see cref="CameraFrameRef.Sequence"/>.</para>
/// <para>Lifecycle: frames are produced in Inactive and Active.</para>
/// </summary>
public interface ICamera : IHardwareComponent
{
    /// <summary>Intrinsics of both streams (depth is registered to RGB).</summary>
    CameraIntrinsics Intrinsics { get; }

    /// <summary>Camera pose in the pod face frame (extrinsics) [m, unit quaternion].</summary>
    Pose Extrinsics { get; }

    /// <summary>The latest captured frame.</summary>
    CameraFrameRef LatestFrame { get; }
}
