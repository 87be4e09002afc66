namespace Stow.Planning.Calibration;

/// <summary>An off-policy estimate of a target policy's mean reward with its uncertainty. Immutable.</summary>
/// <param name="Value">Estimated mean reward per decision.</param>
/// <param name="StandardError">Standard error of <paramref name="Value"/> (sample standard deviation of the per-decision terms / √n).</param>
/// <param name="Count">Decisions used.</param>
/// <param name="EffectiveSampleSize">(Σw)² / Σw² of the importance weights: how many on-policy decisions the log is worth.</param>
public sealed record OffPolicyEstimate(double Value, double StandardError, int Count, double EffectiveSampleSize)
{
    /// <summary>Normal 95 % interval (Value ± 1.96 SE).</summary>
    public (double Low, double High) Ci95 => (Value - (1.96 * StandardError), Value + (1.96 * StandardError));
}
