namespace Stow.Hardware.Cameras;

/// <summary>The folder layouts a <see cref="RecordedCamera"/> reads (detected from the calibration file present).</summary>
public enum RecordedFrameLayout
{
    /// <summary>
    /// <c>sim render</c>: <c>rgb.png</c>, <c>depth.png</c> (16-bit, millimetres) and <c>ground_truth.json</c> (camera
    /// intrinsics and pose in the pod face frame).
    /// </summary>
    SimRender,

    /// <summary>
    /// Amazon Picking Challenge 2016 (andyzeng/apc-vision-toolbox): <c>frame-NNNNNN.color.png</c>, colour-aligned
    /// <c>frame-NNNNNN.depth.png</c> (16-bit, 0.1 mm, stored circularly shifted right by 3 bits) and <c>cam.info.txt</c>.
    /// </summary>
    Apc2016,

    /// <summary>
    /// Amazon Robotics Challenge 2017 (andyzeng/arc-robot-vision): <c>background-N</c> and <c>input-N</c>
    /// <c>.color.png</c>/<c>.depth.png</c> (16-bit, 0.1 mm) with <c>camera-N.intrinsics.txt</c>.
    /// </summary>
    Arc2017,
}
