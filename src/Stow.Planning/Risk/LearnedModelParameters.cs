namespace Stow.Planning.Risk;

/// <summary>
/// The fitted coefficients of a <see cref="LearnedSuccessModel"/>, in a shape System.Text.Json can write and read
/// (so <c>stowcell risk fit</c> can save a model and the cell can load it). Logit
/// z = <see cref="Bias"/> + ClassWeights[class] + ChainWeights[chain] + Σⱼ ContinuousWeights[j] · (xⱼ − Means[j]) / Scales[j],
/// with x from <see cref="FeatureEncoder.WriteContinuous"/>. Immutable by convention: do not change the arrays
/// after handing them to a model.
/// </summary>
/// <param name="Bias">Intercept (logit units).</param>
/// <param name="ClassWeights">One weight per packaging class, length <see cref="FeatureEncoder.ClassCount"/>.</param>
/// <param name="ChainWeights">One weight per chain of <see cref="Candidates.PrimitiveChain.All"/>, length 10.</param>
/// <param name="ContinuousWeights">Weights of the standardised continuous features, length <see cref="FeatureEncoder.ContinuousCount"/>.</param>
/// <param name="Means">Training means of the continuous features (their units), same length.</param>
/// <param name="Scales">Training standard deviations of the continuous features (&gt; 0; 1 where a feature was constant), same length.</param>
/// <param name="L2">L2 penalty the fit used (on the standardised scale; bias not penalised).</param>
/// <param name="TrainingCount">Number of attempt records fitted.</param>
/// <param name="Iterations">Newton (IRLS) iterations the fit took.</param>
public sealed record LearnedModelParameters(
    double Bias,
    double[] ClassWeights,
    double[] ChainWeights,
    double[] ContinuousWeights,
    double[] Means,
    double[] Scales,
    double L2,
    int TrainingCount,
    int Iterations);
