namespace Stow.Hardware.Cameras;

/// <summary>
/// A reference to the camera's latest frame: buffers owned by the camera and overwritten by a later
/// capture, so a consumer copies what it keeps (latest-frame delivery; older frames are dropped).
/// </summary>
public readonly struct CameraFrameRef
{
    /// <summary>Creates a reference.</summary>
    /// <param name="sequence">Frame number, increasing from 1; 0 means no frame yet.</param>
    /// <param name="captureTime">Capture time [s] on the loop's clock.</param>
    /// <param name="rgb">RGB8 pixels, row-major, length width·height·3.</param>
    /// <param name="depth">Depth [m] per pixel, row-major, length width·height; 0 = no return.</param>
    public CameraFrameRef(long sequence, double captureTime, ReadOnlyMemory<byte> rgb, ReadOnlyMemory<float> depth)
    {
        Sequence = sequence;
        CaptureTime = captureTime;
        Rgb = rgb;
        Depth = depth;
    }

    /// <summary>Frame number; 0 = none yet.</summary>
    public long Sequence { get; }

    /// <summary>Capture time [s].</summary>
    public double CaptureTime { get; }

    /// <summary>RGB8 pixels (row-major, H×W×3).</summary>
    public ReadOnlyMemory<byte> Rgb { get; }

    /// <summary>Depth [m] (row-major, H×W).</summary>
    public ReadOnlyMemory<float> Depth { get; }
}
