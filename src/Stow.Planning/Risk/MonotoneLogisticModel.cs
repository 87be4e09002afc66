namespace Stow.Planning.Risk;

/// <summary>
/// Logistic regression P = σ(w · x) on <see cref="MonotoneFeatures"/>, with the sign constraints of
/// <see cref="MonotoneFeatures.Signs"/> so that more clearance never lowers P (fitted by
/// <see cref="Fit(IReadOnlyList{AttemptRecord}, MonotoneFitOptions?)"/>, optionally calibrated afterwards with
/// <see cref="Calibration.PlattScaling"/>). Immutable; thread-safe; <see cref="Predict"/> does not allocate.
/// </summary>
public sealed partial class MonotoneLogisticModel : ISuccessModel
{
    private readonly double[] _weights;

    /// <summary>Creates the model from its weights.</summary>
    /// <param name="weights"><see cref="MonotoneFeatures.Count"/> weights, in <see cref="MonotoneFeatures.Names"/> order.</param>
    /// <exception cref="ArgumentException">Wrong length, a non-finite weight, or a weight against its sign constraint.</exception>
    public MonotoneLogisticModel(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != MonotoneFeatures.Count)
        {
            throw new ArgumentException($"need {MonotoneFeatures.Count} weights, got {weights.Count}", nameof(weights));
        }

        for (var i = 0; i < weights.Count; i++)
        {
            var s = MonotoneFeatures.Signs[i];
            if (!double.IsFinite(weights[i]) || s * weights[i] < 0)
            {
                throw new ArgumentException($"weight {MonotoneFeatures.Names[i]} = {weights[i]} breaks its constraint (sign {s})", nameof(weights));
            }
        }

        _weights = [.. weights];
    }

    /// <inheritdoc />
    public string Name => "monotone";

    /// <summary>The weights, in <see cref="MonotoneFeatures.Names"/> order.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <inheritdoc />
    public double Predict(in CandidateFeatures features) => FeatureEncoder.Sigmoid(Logit(features));

    /// <summary>The logit w · x of <paramref name="features"/>.</summary>
    public double Logit(in CandidateFeatures features)
    {
        Span<double> x = stackalloc double[MonotoneFeatures.Count];
        MonotoneFeatures.Write(features, x);
        var z = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            z += _weights[i] * x[i];
        }

        return z;
    }
}
