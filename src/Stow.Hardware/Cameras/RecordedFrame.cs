namespace Stow.Hardware.Cameras;

/// <summary>One recorded RGB-D frame, decoded. Immutable by convention: the camera serves these buffers as they are.</summary>
/// <param name="Name">The colour file's name (for messages).</param>
/// <param name="Rgb">RGB8 pixels, row-major, length width·height·3.</param>
/// <param name="Depth">Depth along the optical axis [m], row-major, length width·height; 0 = no return.</param>
public sealed record RecordedFrame(string Name, byte[] Rgb, float[] Depth);
