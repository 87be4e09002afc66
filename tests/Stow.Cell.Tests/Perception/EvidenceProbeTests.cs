using System.Globalization;
using Stow.Cell.PerceptionTools.Real;

namespace Stow.Cell.Tests.Perception;

public class EvidenceProbeTests
{
    [ApcDataFact]
    public void Probe()
    {
        var (set, bin) = RealPerceptionEval.Open(ApcTestData.DataRoot);
        var sb = new System.Text.StringBuilder();
        var k = set.Info.ColorK;
        foreach (var fi in new[] { 0, 2, 4, 7, 12 })
        {
            var f = set.Load(fi);
            var c2b = bin.BinToWorld.InverseRigid().Multiply(f.CameraToWorld);
            var cam = c2b.InverseRigid().Translation;
            var camInBin = c2b.Translation;
            var zs = new List<double>(); var xs = new List<double>(); var ys = new List<double>();
            int items = 0; int minU = 9999, maxU = 0, minV = 9999, maxV = 0;
            for (var v = 0; v < f.Height; v++)
            {
                for (var u = 0; u < f.Width; u++)
                {
                    var p = (v * f.Width) + u;
                    var d = f.Depth[p];
                    if (f.ItemMask[p]) { items++; minU = Math.Min(minU, u); maxU = Math.Max(maxU, u); minV = Math.Min(minV, v); maxV = Math.Max(maxV, v); }
                    if (d <= 0 || f.ItemMask[p]) continue;
                    var (x, y, z) = c2b.Apply((u + 1 - k[2]) * d / k[0], (v + 1 - k[5]) * d / k[4], d);
                    if (x > 0.05 && x < 0.33 && Math.Abs(y) < 0.12) zs.Add(z);
                    if (Math.Abs(y) < 0.12 && z > 0.03 && z < 0.18) xs.Add(x);
                    if (x > 0.05 && x < 0.33 && z > 0.03 && z < 0.18) ys.Add(y);
                }
            }

            static string H(List<double> l, double lo, double hi, double step)
            {
                var s = new System.Text.StringBuilder();
                for (var b = lo; b < hi; b += step)
                {
                    var n = l.Count(q => q >= b && q < b + step);
                    s.Append(CultureInfo.InvariantCulture, $"{b:F2}:{n} ");
                }
                return s.ToString();
            }

            var q = bin.Quad(f.CameraToWorld, k);
            sb.AppendLine(CultureInfo.InvariantCulture, $"frame {fi} camInBin {camInBin} quadU [{string.Join(",", q.U.Select(a => a.ToString("F0", CultureInfo.InvariantCulture)))}] V [{string.Join(",", q.V.Select(a => a.ToString("F0", CultureInfo.InvariantCulture)))}] Z [{string.Join(",", q.Z.Select(a => a.ToString("F3", CultureInfo.InvariantCulture)))}] items {items} bbox u {minU}-{maxU} v {minV}-{maxV}");
            sb.AppendLine("  z: " + H(zs, -0.10, 0.30, 0.02));
            sb.AppendLine("  x: " + H(xs, -0.10, 0.50, 0.02));
            sb.AppendLine("  y: " + H(ys, -0.24, 0.24, 0.02));
        }

        foreach (var m in Directory.GetFiles(Path.Combine(ApcTestData.Frames, "masks"), "frame-000002.*"))
        {
            var px = GreyPng.Read(m, out _, out _);
            var hist = new int[16];
            foreach (var v in px) hist[v >> 12]++;
            sb.AppendLine(Path.GetFileName(m) + ": " + string.Join(" ", hist));
        }

        File.WriteAllText("/tmp/apc_probe.txt", sb.ToString());
    }
}
