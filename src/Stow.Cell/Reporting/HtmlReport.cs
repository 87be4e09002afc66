using System.Globalization;
using System.Net;
using System.Text;

namespace Stow.Cell.Reporting;

/// <summary>
/// Builds the self-contained HTML report of a shift: the summary table, the targets, and inline-SVG
/// plots (outcome over time, UPH, density at swap, success by class and chain, predicted vs
/// realized success, perception error, loop jitter). Pure function of its inputs; thread-safe.
/// </summary>
public static class HtmlReport
{
    /// <summary>Renders the report.</summary>
    /// <param name="summary">Figures of the shift.</param>
    /// <param name="attempts">Attempts in time order.</param>
    /// <param name="densityAtSwap">Volumetric density of each pod at its swap, in order.</param>
    /// <param name="jitterMs">Control-loop jitter samples [ms] (|period − nominal|).</param>
    public static string Build(ShiftSummary summary, IReadOnlyList<AttemptSample> attempts, IReadOnlyList<double> densityAtSwap, IReadOnlyList<double> jitterMs)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html><head><meta charset='utf-8'><title>StowCell shift report</title>");
        sb.Append("<style>body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}.ok{color:#2a7d2a}.no{color:#b22;font-weight:bold}.grid{display:flex;flex-wrap:wrap;gap:12px}</style>");
        sb.Append("</head><body><h1>StowCell shift report</h1>");
        sb.Append(CultureInfo.InvariantCulture, $"<p>config <b>{E(summary.Config)}</b>, catalogue <b>{E(summary.Catalog)}</b>, seed <b>{summary.Seed}</b>, {summary.SimSeconds / 3600:0.00} h simulated.</p>");
        sb.Append("<h2>Figures</h2><table><tr><th>figure</th><th>value</th></tr>");
        Row(sb, "inducted", summary.Inducted.ToString(CultureInfo.InvariantCulture));
        Row(sb, "attempted", summary.Attempted.ToString(CultureInfo.InvariantCulture));
        Row(sb, "stowed", $"{summary.Stowed} ({summary.SuccessRate:P1}, 95 % Wilson CI {summary.SuccessRateCi95[0]:P1} to {summary.SuccessRateCi95[1]:P1})");
        Row(sb, "stowed of inducted", $"{summary.StowedOfInducted:P1}");
        Row(sb, "unproductive", $"{summary.Unproductive} ({summary.UnproductiveRate:P1})");
        Row(sb, "defect", $"{summary.Defect} ({summary.DefectRate:P1})");
        Row(sb, "exception path", summary.Exceptions.ToString(CultureInfo.InvariantCulture));
        Row(sb, summary.LoopPacing == "wall-clock" ? "UPH (wall clock)" : "UPH (simulated clock)", summary.Uph.ToString("0", CultureInfo.InvariantCulture));
        Row(sb, "pods / items per pod / density at swap", $"{summary.Pods} / {summary.ItemsPerPod:0.0} / {summary.DensityAtSwap:P1}");
        Row(sb, "decision latency p50 / p99", $"{summary.DecisionMsP50:0.00} / {summary.DecisionMsP99:0.00} ms");
        Row(sb, "perception latency p50 / p99", $"{summary.PerceptionMsP50:0.00} / {summary.PerceptionMsP99:0.00} ms");
        Row(sb, "perception execution provider", summary.ExecutionProvider);
        Row(sb, "loop jitter p99", summary.LoopJitterMsP99 is { } jitter ? $"{jitter:0.000} ms" : $"not reported ({summary.LoopPacing} pacing)");
        Row(sb, "Brier score", summary.Brier.ToString("0.0000", CultureInfo.InvariantCulture));
        Row(sb, "unaccounted items", summary.Unaccounted.ToString(CultureInfo.InvariantCulture));
        if (summary.OutcomeConfusion is { } confusion)
        {
            sb.Append(CultureInfo.InvariantCulture, $"</table><h2>Outcome: the cell's reading against the simulator's truth (agreement {summary.OutcomeAgreement:P1})</h2>");
            sb.Append("<table><tr><th>truth \\ cell</th>");
            foreach (var c in confusion.Keys)
            {
                sb.Append("<th>").Append(E(c)).Append("</th>");
            }

            sb.Append("</tr>");
            foreach (var (truth, row) in confusion)
            {
                sb.Append("<tr><td>").Append(E(truth)).Append("</td>");
                foreach (var n in row.Values)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<td>{n}</td>");
                }

                sb.Append("</tr>");
            }
        }

        sb.Append("</table><h2>Targets</h2>");
        if (!summary.TargetsJudged)
        {
            sb.Append("<p>").Append(E(summary.TargetsNote)).Append("</p>");
        }

        sb.Append("<table><tr><th>target</th><th>wanted</th><th>actual</th><th>met</th></tr>");
        foreach (var t in summary.Targets)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(t.Name)}</td><td>{E(t.Comparison)} {t.Target:0.###}</td><td>{t.Actual:0.###}</td><td class='{(t.Met ? "ok" : "no")}'>{(t.Met ? "yes" : "NOT MET")}</td></tr>");
        }

        sb.Append("</table><h2>Plots</h2><div class='grid'>");
        foreach (var svg in Plots(attempts, densityAtSwap, jitterMs))
        {
            sb.Append("<div>").Append(svg).Append("</div>");
        }

        sb.Append("</div></body></html>");
        return sb.ToString();
    }

    private static IEnumerable<string> Plots(IReadOnlyList<AttemptSample> attempts, IReadOnlyList<double> densityAtSwap, IReadOnlyList<double> jitterMs)
    {
        var outcomes = new[] { "stowed", "unproductive", "defect" };
        yield return SvgChart.Line("Outcomes over time (cumulative)", "simulated time [h]", "attempts",
            outcomes.Select(o => (o, (IReadOnlyList<(double, double)>)Cumulative(attempts, o))).ToList());
        yield return SvgChart.Line("UPH (rolling, last 50 attempts)", "simulated time [h]", "units per hour",
            [("UPH", RollingUph(attempts, 50))]);
        yield return SvgChart.Bars("Pod density at swap", "volumetric density",
            densityAtSwap.Select((d, i) => ((i + 1).ToString(CultureInfo.InvariantCulture), d)).ToList());
        yield return SvgChart.Bars("Success by packaging class", "success rate", RateBy(attempts, a => a.PackagingClass));
        yield return SvgChart.Bars("Success by primitive chain", "success rate", RateBy(attempts, a => a.Chain));
        yield return SvgChart.Scatter("Predicted vs realized success (deciles)", "predicted P", "realized rate", Reliability(attempts), diagonal: true);
        var perr = attempts.Where(a => a.PerceptionError.HasValue).Select(a => a.PerceptionError!.Value * 100).ToList();
        yield return SvgChart.Histogram("Perception free-volume error vs ground truth", "error [% of bin volume]", perr);
        yield return SvgChart.Histogram("Control-loop jitter", "|period - nominal| [ms]", jitterMs);
    }

    private static List<(double, double)> Cumulative(IReadOnlyList<AttemptSample> a, string outcome)
    {
        var n = 0;
        var pts = new List<(double, double)> { (0, 0) };
        foreach (var s in a)
        {
            if (s.Outcome == outcome)
            {
                n++;
            }

            pts.Add((s.SimTime / 3600, n));
        }

        return pts;
    }

    private static List<(double, double)> RollingUph(IReadOnlyList<AttemptSample> a, int window)
    {
        var pts = new List<(double, double)>();
        for (var i = window; i < a.Count; i++)
        {
            var dt = a[i].SimTime - a[i - window].SimTime;
            var stowed = 0;
            for (var k = i - window + 1; k <= i; k++)
            {
                stowed += a[k].Outcome == "stowed" ? 1 : 0;
            }

            if (dt > 0)
            {
                pts.Add((a[i].SimTime / 3600, stowed * 3600 / dt));
            }
        }

        return pts;
    }

    private static List<(string, double)> RateBy(IReadOnlyList<AttemptSample> a, Func<AttemptSample, string> key) =>
        a.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ($"{g.Key} ({g.Count()})", g.Count(s => s.Outcome == "stowed") / (double)g.Count())).ToList();

    private static List<(double, double, double)> Reliability(IReadOnlyList<AttemptSample> a) =>
        a.GroupBy(s => Math.Min(9, (int)(s.PredictedP * 10)))
            .Select(g => (g.Average(s => s.PredictedP), g.Count(s => s.Outcome == "stowed") / (double)g.Count(), 2 + Math.Log10(g.Count() + 1) * 3))
            .OrderBy(p => p.Item1).ToList();

    private static void Row(StringBuilder sb, string k, string v) => sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(k)}</td><td>{E(v)}</td></tr>");

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
