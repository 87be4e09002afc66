namespace Stow.Planning.Risk;

using Stow.Planning.Candidates;

/// <summary>
/// The learned success model: L2-regularised logistic regression on one-hot packaging class, one-hot chain and the
/// standardised continuous features of <see cref="FeatureEncoder"/>, fitted from attempt records by
/// <see cref="Fit"/> (Newton's method / IRLS). Immutable after construction; <see cref="Predict"/> is thread-safe and
/// does not allocate.
/// </summary>
public sealed partial class LearnedSuccessModel : ISuccessModel
{
    private readonly double _offset;
    private readonly double[] _classWeights;
    private readonly double[] _chainWeights;
    private readonly double[] _slopes;

    /// <summary>Builds a model from fitted (or saved) coefficients.</summary>
    /// <exception cref="ArgumentException">An array has the wrong length, a scale is not &gt; 0, or a value is not finite.</exception>
    public LearnedSuccessModel(LearnedModelParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        RequireLength(parameters.ClassWeights, FeatureEncoder.ClassCount, nameof(parameters.ClassWeights));
        RequireLength(parameters.ChainWeights, PrimitiveChain.Count, nameof(parameters.ChainWeights));
        RequireLength(parameters.ContinuousWeights, FeatureEncoder.ContinuousCount, nameof(parameters.ContinuousWeights));
        RequireLength(parameters.Means, FeatureEncoder.ContinuousCount, nameof(parameters.Means));
        RequireLength(parameters.Scales, FeatureEncoder.ContinuousCount, nameof(parameters.Scales));
        if (!double.IsFinite(parameters.Bias))
        {
            throw new ArgumentException("bias must be finite", nameof(parameters));
        }

        Parameters = parameters;
        _classWeights = (double[])parameters.ClassWeights.Clone();
        _chainWeights = (double[])parameters.ChainWeights.Clone();
        _slopes = new double[FeatureEncoder.ContinuousCount];
        var offset = parameters.Bias;
        for (var j = 0; j < _slopes.Length; j++)
        {
            var s = parameters.Scales[j];
            if (!(s > 0) || !double.IsFinite(s))
            {
                throw new ArgumentException($"scale {j} must be finite and > 0, is {s}", nameof(parameters));
            }

            _slopes[j] = parameters.ContinuousWeights[j] / s;
            offset -= _slopes[j] * parameters.Means[j];
        }

        _offset = offset;
    }

    /// <summary>The coefficients this model was built from.</summary>
    public LearnedModelParameters Parameters { get; }

    /// <inheritdoc />
    public string Name => "learned";

    /// <summary>The logit z for <paramref name="features"/>; may be ±∞ (or NaN) for extreme inputs, which <see cref="Predict"/> maps into [0, 1].</summary>
    public double Logit(in CandidateFeatures features)
    {
        Span<double> x = stackalloc double[FeatureEncoder.ContinuousCount];
        FeatureEncoder.WriteContinuous(features, x);
        var z = _offset + _classWeights[FeatureEncoder.ClassIndex(features.Class)] + _chainWeights[FeatureEncoder.ChainIndex(features.Chain)];
        for (var j = 0; j < x.Length; j++)
        {
            z += _slopes[j] * x[j];
        }

        return z;
    }

    /// <inheritdoc />
    public double Predict(in CandidateFeatures features) => FeatureEncoder.Sigmoid(Logit(features));

    private static void RequireLength(double[]? a, int n, string name)
    {
        if (a is null || a.Length != n)
        {
            throw new ArgumentException($"{name} must have {n} entries, has {a?.Length ?? 0}", name);
        }

        foreach (var v in a)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"{name} has a non-finite entry", name);
            }
        }
    }
}
