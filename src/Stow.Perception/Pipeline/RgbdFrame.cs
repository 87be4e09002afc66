namespace Stow.Perception.Pipeline;

/// <summary>
/// One registered RGB-D frame of the pod face. Buffers are owned by the producer and must not change
/// while a pipeline call reads them.
/// </summary>
/// <param name="Rgb">Interleaved RGB, length Width·Height·3.</param>
/// <param name="DepthMm">Depth along the optical axis [mm], 0 = no return, length Width·Height.</param>
/// <param name="Width">Image width [px].</param>
/// <param name="Height">Image height [px].</param>
/// <param name="CaptureTime">Capture time on the cell clock [s].</param>
public sealed record RgbdFrame(byte[] Rgb, ushort[] DepthMm, int Width, int Height, double CaptureTime);
