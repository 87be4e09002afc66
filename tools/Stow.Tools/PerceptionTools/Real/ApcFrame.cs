namespace Stow.Tools.PerceptionTools.Real;

/// <summary>One loaded frame of the APC 2016 set, in the colour camera's 640×480 image. Buffers row-major.</summary>
/// <param name="Index">Frame number.</param>
/// <param name="Width">Width [px].</param>
/// <param name="Height">Height [px].</param>
/// <param name="Rgb">Interleaved RGB, 0..255.</param>
/// <param name="Depth">Depth along the colour camera's optical axis [m], 0 = no return (the toolbox's colour-aligned depth).</param>
/// <param name="RegisteredRawDepth">The raw depth-camera image registered to colour by this loader [m], 0 = none.</param>
/// <param name="ItemMask">Item pixels: union of the per-item masks (each thresholded at its <c>*.thresh.txt</c>) and the toolbox label image <c>segm/</c>.</param>
/// <param name="CameraToWorld">Colour camera pose [m].</param>
public sealed record ApcFrame(
    int Index,
    int Width,
    int Height,
    byte[] Rgb,
    float[] Depth,
    float[] RegisteredRawDepth,
    bool[] ItemMask,
    RigidTransform CameraToWorld);
