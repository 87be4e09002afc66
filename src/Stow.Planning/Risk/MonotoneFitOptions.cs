namespace Stow.Planning.Risk;

/// <summary>Settings of <see cref="MonotoneLogisticModel.Fit(IReadOnlyList{AttemptRecord}, MonotoneFitOptions?)"/>. Immutable.</summary>
public sealed record MonotoneFitOptions
{
    /// <summary>L2 penalty on the standardized weights (not the bias), ≥ 0. Default 1e-3.</summary>
    public double L2 { get; init; } = 1e-3;

    /// <summary>Full-batch projected gradient iterations, ≥ 1. Default 3000.</summary>
    public int Iterations { get; init; } = 3000;

    /// <summary>Step size on standardized features, &gt; 0. Default 0.5 (the log-loss Hessian is bounded by ¼ per feature).</summary>
    public double Step { get; init; } = 0.5;

    /// <summary>
    /// Weigh each record by 1 / propensity (clipped at <see cref="MaxWeight"/>) so the fit estimates the risk over all
    /// candidates rather than over the logging policy's choices; records without a propensity weigh 1. Default false.
    /// </summary>
    public bool InversePropensityWeights { get; init; }

    /// <summary>Largest importance weight (clipping bounds the variance; A. Swaminathan, T. Joachims, ICML 2015). Default 20.</summary>
    public double MaxWeight { get; init; } = 20;
}
