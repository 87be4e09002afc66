namespace Stow.Planning.Risk;

/// <summary>Settings of <see cref="LearnedSuccessModel.Fit"/>. Immutable; checked by <see cref="Validate"/>.</summary>
public sealed record LogisticFitOptions
{
    /// <summary>
    /// L2 (ridge) penalty λ on the summed log-loss, for all weights but the bias, on standardised features; &gt; 0.
    /// Default 1.0: keeps one-hot weights of classes or chains with few or separable records finite (Hastie,
    /// Tibshirani, Friedman, The Elements of Statistical Learning, 2nd ed., §4.4.4) while being negligible against
    /// thousands of records.
    /// </summary>
    public double L2 { get; init; } = 1.0;

    /// <summary>Maximum Newton (IRLS) iterations; ≥ 1. Default 50 (IRLS converges in well under 20 on logistic losses).</summary>
    public int MaxIterations { get; init; } = 50;

    /// <summary>Convergence when the largest weight change of an iteration is below this; &gt; 0. Default 1e-8.</summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (named).</exception>
    public void Validate()
    {
        if (!double.IsFinite(L2) || L2 <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(L2), L2, "L2 must be finite and > 0");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1);
        if (!double.IsFinite(Tolerance) || Tolerance <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "tolerance must be finite and > 0");
        }
    }
}
