namespace Stow.Planning.Calibration;

/// <summary>One row of a reliability table. Immutable.</summary>
/// <param name="Lower">Lowest prediction the bin admits (equal width) or holds (equal count), in [0, 1].</param>
/// <param name="Upper">Highest prediction the bin admits (equal width) or holds (equal count), in [0, 1].</param>
/// <param name="Count">Number of predictions in the bin.</param>
/// <param name="MeanPredicted">Mean predicted probability in the bin; 0 when <paramref name="Count"/> is 0.</param>
/// <param name="ObservedRate">Observed success rate in the bin; 0 when <paramref name="Count"/> is 0.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanPredicted, double ObservedRate)
{
    /// <summary>|observed − predicted| for this bin (0 when empty).</summary>
    public double Gap => Math.Abs(ObservedRate - MeanPredicted);
}
