namespace Stow.Cell.Hmi;

/// <summary>The latest frame as served at <c>/api/frame.png</c>.</summary>
/// <param name="Seq">Frame number.</param>
/// <param name="Png">PNG bytes (band mask drawn in).</param>
public sealed record HmiFrameImage(long Seq, byte[] Png);
