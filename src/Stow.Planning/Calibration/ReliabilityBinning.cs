namespace Stow.Planning.Calibration;

/// <summary>How predictions are grouped into the bins of a reliability table.</summary>
public enum ReliabilityBinning
{
    /// <summary>
    /// Bins of equal width on [0, 1] (bin b = [b/k, (b+1)/k), the last one closed); the usual definition of the
    /// expected calibration error (Naeini, Cooper, Hauskrecht, AAAI 2015; Guo et al., ICML 2017).
    /// </summary>
    EqualWidth = 0,

    /// <summary>
    /// Bins of (nearly) equal count after sorting by prediction ("deciles" for k = 10): informative when predictions
    /// cluster near 1, as stow predictions do. The first n mod k bins hold one extra prediction.
    /// </summary>
    EqualCount = 1,
}
