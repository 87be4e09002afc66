namespace Stow.Planning.Risk;

using Stow.Planning.Calibration;

/// <summary>
/// A success model whose raw predictions pass through a Platt map (<see cref="PlattScaling"/>, slope ≥ 0, so the
/// order and any monotonicity of the inner model are kept). Immutable; thread-safe if the inner model is; no allocation.
/// </summary>
/// <param name="Inner">The raw model.</param>
/// <param name="Platt">The calibration map fitted on held-out records.</param>
public sealed record CalibratedSuccessModel(ISuccessModel Inner, PlattScaling Platt) : ISuccessModel
{
    /// <inheritdoc />
    public string Name => Inner.Name;

    /// <inheritdoc />
    public double Predict(in CandidateFeatures features) => Platt.Apply(Inner.Predict(features));

    /// <summary>Fits <paramref name="inner"/>'s Platt map on <paramref name="heldOut"/> records.</summary>
    /// <exception cref="ArgumentException">No records.</exception>
    public static CalibratedSuccessModel Fit(ISuccessModel inner, IReadOnlyList<AttemptRecord> heldOut)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(heldOut);
        var p = heldOut.Select(r => inner.Predict(r.Features)).ToList();
        return new CalibratedSuccessModel(inner, PlattScaling.Fit(p, heldOut.Select(r => r.Succeeded).ToList()));
    }
}
