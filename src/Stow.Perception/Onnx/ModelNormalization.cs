namespace Stow.Perception.Onnx;

/// <summary>
/// How raw input values become model input values, per channel c (axis 1 of an NCHW tensor):
/// <c>x' = (x · Scale − Mean[c]) / Std[c]</c>. E.g. 8-bit RGB with ImageNet statistics has Scale = 1/255,
/// Mean = [0.485, 0.456, 0.406], Std = [0.229, 0.224, 0.225]. Units are those of the raw input (depth in metres).
/// </summary>
/// <param name="Scale">Factor applied to the raw value first.</param>
/// <param name="Mean">Per-channel mean subtracted after scaling.</param>
/// <param name="Std">Per-channel standard deviation divided by (each &gt; 0).</param>
public sealed record ModelNormalization(float Scale, IReadOnlyList<float> Mean, IReadOnlyList<float> Std)
{
    /// <summary>Number of channels described.</summary>
    public int ChannelCount => Mean.Count;

    /// <summary>Normalises one raw value of channel <paramref name="channel"/>.</summary>
    public float Apply(float raw, int channel) => ((raw * Scale) - Mean[channel]) / Std[channel];

    /// <summary>True when <see cref="Apply"/> returns its input unchanged (scale 1, every mean 0 and std 1).</summary>
    public bool IsIdentity => Scale == 1f && Mean.All(m => m == 0f) && Std.All(d => d == 1f);
}
