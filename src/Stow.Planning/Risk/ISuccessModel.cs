namespace Stow.Planning.Risk;

/// <summary>
/// Predicts P(stow succeeds | item, bin state, chain): the item ends up in the bin, undamaged, not protruding.
/// </summary>
/// <remarks>
/// Threading: implementations are immutable after construction and <see cref="Predict"/> is safe to call from
/// several threads at once. Performance: called up to ~50 000 times per decision (20 items × 40 bins × 10 chains
/// × 6 orientations), so implementations must not allocate.
/// </remarks>
public interface ISuccessModel
{
    /// <summary>Short name for reports (<c>prior</c>, <c>learned</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Probability in [0, 1] that a stow with features <paramref name="features"/> succeeds. Never NaN; inputs out
    /// of range (negative clearances, unknown class) give a finite, low-confidence answer rather than an exception.
    /// </summary>
    double Predict(in CandidateFeatures features);
}
