namespace Stow.Hardware.Cameras;

/// <summary>Pinhole intrinsics (OpenCV convention, no distortion).</summary>
/// <param name="Width">Image width [px].</param>
/// <param name="Height">Image height [px].</param>
/// <param name="Fx">Focal length along x [px].</param>
/// <param name="Fy">Focal length along y [px].</param>
/// <param name="Cx">Principal point x [px].</param>
/// <param name="Cy">Principal point y [px].</param>
public readonly record struct CameraIntrinsics(int Width, int Height, double Fx, double Fy, double Cx, double Cy);
