using Stow.Core.Geometry;

namespace Stow.Hardware.Cameras;

/// <summary>A folder of recorded frames with their calibration (<see cref="RecordedFrames.Load"/>). Immutable.</summary>
/// <param name="Folder">The folder.</param>
/// <param name="Layout">Its layout.</param>
/// <param name="Intrinsics">Pinhole intrinsics of the colour image (depth is registered to it).</param>
/// <param name="Extrinsics">Camera pose in the pod face frame when the calibration gives one (sim renders), else identity.</param>
/// <param name="Frames">The frames in replay order (at least one).</param>
public sealed record RecordedFrameSet(string Folder, RecordedFrameLayout Layout, CameraIntrinsics Intrinsics, Pose Extrinsics, IReadOnlyList<RecordedFrame> Frames);
