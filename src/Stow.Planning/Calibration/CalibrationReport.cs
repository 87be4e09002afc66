namespace Stow.Planning.Calibration;

using System.Globalization;
using System.Text;

/// <summary>
/// Calibration of a set of probability predictions against outcomes, from <see cref="CalibrationMetrics"/>.
/// Immutable; JSON-serialisable (no NaN unless there were no predictions).
/// </summary>
/// <param name="Count">Number of predictions.</param>
/// <param name="Brier">Brier score: mean of (p − y)², in [0, 1]; lower is better (Brier, Monthly Weather Review 78, 1950).</param>
/// <param name="Ece">Expected calibration error Σ_b (n_b / n) · |ō_b − p̄_b| over <paramref name="Bins"/>, in [0, 1].</param>
/// <param name="MaxCalibrationError">Largest |ō_b − p̄_b| over non-empty bins, in [0, 1].</param>
/// <param name="LogLoss">Mean negative log-likelihood [nats], with p clipped to [1e-15, 1 − 1e-15].</param>
/// <param name="MeanPredicted">Mean prediction, in [0, 1].</param>
/// <param name="ObservedRate">Observed success rate, in [0, 1].</param>
/// <param name="Binning">How <paramref name="Bins"/> were formed.</param>
/// <param name="Bins">Reliability table, lowest predictions first.</param>
public sealed record CalibrationReport(
    int Count,
    double Brier,
    double Ece,
    double MaxCalibrationError,
    double LogLoss,
    double MeanPredicted,
    double ObservedRate,
    ReliabilityBinning Binning,
    IReadOnlyList<ReliabilityBin> Bins)
{
    /// <summary>The report as a Markdown table (one row per bin) preceded by a summary line; invariant culture.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.Append(ci, $"n = {Count}, Brier = {Brier:F4}, ECE = {Ece:F4}, MCE = {MaxCalibrationError:F4}, log-loss = {LogLoss:F4}, mean predicted = {MeanPredicted:F4}, observed = {ObservedRate:F4} ({Binning})").AppendLine();
        sb.AppendLine().AppendLine("| bin | predicted range | n | mean predicted | observed |").AppendLine("|---|---|---|---|---|");
        for (var b = 0; b < Bins.Count; b++)
        {
            var r = Bins[b];
            sb.Append(ci, $"| {b + 1} | {r.Lower:F3}–{r.Upper:F3} | {r.Count} | {r.MeanPredicted:F4} | {r.ObservedRate:F4} |").AppendLine();
        }

        return sb.ToString();
    }
}
