using System.Globalization;
using System.Net;
using System.Text;

namespace Stow.Cell.Reporting;

/// <summary>
/// Minimal inline-SVG charts for the run report (line, bar, histogram, scatter with a diagonal).
/// Pure functions; thread-safe. Output is a self-contained <c>&lt;svg&gt;</c> element sized
/// <see cref="Width"/> × <see cref="Height"/> px.
/// </summary>
public static class SvgChart
{
    /// <summary>Chart width [px].</summary>
    public const int Width = 560;

    /// <summary>Chart height [px].</summary>
    public const int Height = 260;

    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 28;
    private const int Bottom = 40;
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];

    /// <summary>One or more named series of (x, y) points drawn as polylines.</summary>
    public static string Line(string title, string xLabel, string yLabel, IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> series)
    {
        var all = series.SelectMany(s => s.Points).ToList();
        var (x0, x1) = Range(all.Select(p => p.X));
        var (y0, y1) = Range(all.Select(p => p.Y), includeZero: true);
        var sb = Begin(title, xLabel, yLabel, x0, x1, y0, y1);
        for (var i = 0; i < series.Count; i++)
        {
            var pts = string.Join(' ', series[i].Points.Select(p => F(MapX(p.X, x0, x1)) + "," + F(MapY(p.Y, y0, y1))));
            sb.Append(CultureInfo.InvariantCulture, $"<polyline fill='none' stroke='{Palette[i % Palette.Length]}' stroke-width='2' points='{pts}'/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x='{Width - Right - 4}' y='{Top + 14 + (i * 14)}' text-anchor='end' font-size='11' fill='{Palette[i % Palette.Length]}'>{Esc(series[i].Name)}</text>");
        }

        return End(sb);
    }

    /// <summary>Vertical bars, one per labelled value; values are drawn above the bars with <paramref name="format"/>.</summary>
    public static string Bars(string title, string yLabel, IReadOnlyList<(string Label, double Value)> bars, string format = "0.00")
    {
        var (y0, y1) = Range(bars.Select(b => b.Value), includeZero: true);
        var sb = Begin(title, string.Empty, yLabel, 0, Math.Max(1, bars.Count), y0, y1, xTicks: false);
        var slot = (Width - Left - Right) / (double)Math.Max(1, bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            var x = Left + (i * slot) + (slot * 0.15);
            var y = MapY(bars[i].Value, y0, y1);
            var h = MapY(y0, y0, y1) - y;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x='{F(x)}' y='{F(y)}' width='{F(slot * 0.7)}' height='{F(Math.Max(0, h))}' fill='{Palette[0]}'/>");
            if (bars.Count <= 16)
            {
                // Value and label text only while they fit; many bars (e.g. one per pod) keep the axis clean.
                sb.Append(CultureInfo.InvariantCulture, $"<text x='{F(x + (slot * 0.35))}' y='{F(y - 3)}' text-anchor='middle' font-size='10'>{bars[i].Value.ToString(format, CultureInfo.InvariantCulture)}</text>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x='{F(x + (slot * 0.35))}' y='{Height - Bottom + 14}' text-anchor='middle' font-size='10'>{Esc(bars[i].Label)}</text>");
            }
        }

        return End(sb);
    }

    /// <summary>A histogram of <paramref name="values"/> in <paramref name="bins"/> equal-width bins.</summary>
    public static string Histogram(string title, string xLabel, IReadOnlyList<double> values, int bins = 30)
    {
        if (values.Count == 0)
        {
            return Bars(title, "count", []);
        }

        var (x0, x1) = Range(values);
        var counts = new int[bins];
        foreach (var v in values)
        {
            var k = (int)((v - x0) / (x1 - x0) * bins);
            counts[Math.Clamp(k, 0, bins - 1)]++;
        }

        var sb = Begin(title, xLabel, "count", x0, x1, 0, Math.Max(1, counts.Max()));
        var w = (x1 - x0) / bins;
        for (var i = 0; i < bins; i++)
        {
            var xa = MapX(x0 + (i * w), x0, x1);
            var xb = MapX(x0 + ((i + 1) * w), x0, x1);
            var y = MapY(counts[i], 0, Math.Max(1, counts.Max()));
            sb.Append(CultureInfo.InvariantCulture, $"<rect x='{F(xa)}' y='{F(y)}' width='{F(Math.Max(0.5, xb - xa - 1))}' height='{F(Height - Bottom - y)}' fill='{Palette[2]}'/>");
        }

        return End(sb);
    }

    /// <summary>Points with an optional y = x diagonal (for predicted vs realized rates).</summary>
    public static string Scatter(string title, string xLabel, string yLabel, IReadOnlyList<(double X, double Y, double Size)> points, bool diagonal)
    {
        double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
        var sb = Begin(title, xLabel, yLabel, x0, x1, y0, y1);
        if (diagonal)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line x1='{F(MapX(0, x0, x1))}' y1='{F(MapY(0, y0, y1))}' x2='{F(MapX(1, x0, x1))}' y2='{F(MapY(1, y0, y1))}' stroke='#999' stroke-dasharray='4 3'/>");
        }

        foreach (var p in points)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<circle cx='{F(MapX(p.X, x0, x1))}' cy='{F(MapY(p.Y, y0, y1))}' r='{F(Math.Clamp(p.Size, 2, 10))}' fill='{Palette[1]}' fill-opacity='0.7'/>");
        }

        return End(sb);
    }

    private static StringBuilder Begin(string title, string xLabel, string yLabel, double x0, double x1, double y0, double y1, bool xTicks = true)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns='http://www.w3.org/2000/svg' width='{Width}' height='{Height}' font-family='sans-serif'>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect width='{Width}' height='{Height}' fill='white'/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x='{Width / 2}' y='16' text-anchor='middle' font-size='13' font-weight='bold'>{Esc(title)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1='{Left}' y1='{Height - Bottom}' x2='{Width - Right}' y2='{Height - Bottom}' stroke='black'/>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1='{Left}' y1='{Top}' x2='{Left}' y2='{Height - Bottom}' stroke='black'/>");
        for (var i = 0; i <= 4; i++)
        {
            var yv = y0 + ((y1 - y0) * i / 4);
            var y = MapY(yv, y0, y1);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1='{Left - 4}' y1='{F(y)}' x2='{Width - Right}' y2='{F(y)}' stroke='#eee'/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x='{Left - 6}' y='{F(y + 4)}' text-anchor='end' font-size='10'>{Tick(yv)}</text>");
            if (xTicks)
            {
                var xv = x0 + ((x1 - x0) * i / 4);
                sb.Append(CultureInfo.InvariantCulture, $"<text x='{F(MapX(xv, x0, x1))}' y='{Height - Bottom + 14}' text-anchor='middle' font-size='10'>{Tick(xv)}</text>");
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text x='{(Left + Width - Right) / 2}' y='{Height - 6}' text-anchor='middle' font-size='11'>{Esc(xLabel)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x='12' y='{(Top + Height - Bottom) / 2}' text-anchor='middle' font-size='11' transform='rotate(-90 12 {(Top + Height - Bottom) / 2})'>{Esc(yLabel)}</text>");
        return sb;
    }

    private static string End(StringBuilder sb) => sb.Append("</svg>").ToString();

    private static (double, double) Range(IEnumerable<double> values, bool includeZero = false)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
        }

        if (!double.IsFinite(lo))
        {
            return (0, 1);
        }

        if (includeZero)
        {
            lo = Math.Min(lo, 0);
        }

        return hi - lo < 1e-12 ? (lo - 0.5, hi + 0.5) : (lo, hi + ((hi - lo) * 0.05));
    }

    private static double MapX(double x, double x0, double x1) => Left + ((x - x0) / (x1 - x0) * (Width - Left - Right));

    private static double MapY(double y, double y0, double y1) => Height - Bottom - ((y - y0) / (y1 - y0) * (Height - Top - Bottom));

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Tick(double v) => Math.Abs(v) switch
    {
        >= 100 => v.ToString("0", CultureInfo.InvariantCulture),
        >= 0.01 => v.ToString("0.##", CultureInfo.InvariantCulture),
        0 => "0",
        _ => v.ToString("G2", CultureInfo.InvariantCulture),
    };

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
