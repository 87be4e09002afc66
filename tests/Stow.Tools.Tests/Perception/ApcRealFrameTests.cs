using System.Text.Json;
using Stow.Tools.PerceptionTools.Real;
using Stow.Tools.Tests.Support;
using Stow.Perception.Onnx;

namespace Stow.Tools.Tests.Perception;

public class ApcRealFrameTests
{
    [ApcDataFact]
    public void Cam_Info_Of_The_Real_Set_Has_Bin_B_Four_Items_And_Fifteen_Poses()
    {
        var (set, bin) = RealPerceptionEval.Open(ApcTestData.DataRoot);
        Assert.Equal("B", set.Info.BinId);
        Assert.Equal(4, set.Info.Objects.Count);
        Assert.Equal(15, set.Count);
        Assert.Equal(615.195190, set.Info.ColorK[0], 5);
        Assert.Equal((0.37, 0.306, 0.218), (bin.Depth, bin.Width, bin.Height));
    }

    [ApcDataFact]
    public void Frontal_Frame_Sees_The_Whole_Opening_While_Frame_Zero_Loses_Its_Near_Bottom_Corner()
    {
        var (set, bin) = RealPerceptionEval.Open(ApcTestData.DataRoot);
        var frontal = set.Load(2);
        Assert.True(ApcBinGeometry.InsideImage(bin.Quad(frontal.CameraToWorld, set.Info.ColorK), frontal.Width, frontal.Height));

        // Frame 0 looks in from the right: the photo shows the bottom lip leaving the image at the right.
        var zero = set.Load(0);
        var quad0 = bin.Quad(zero.CameraToWorld, set.Info.ColorK);
        Assert.False(ApcBinGeometry.InsideImage(quad0, zero.Width, zero.Height));
        Assert.InRange(ApcBinGeometry.VisibleFraction(quad0, zero.Width, zero.Height), 0.9, 1.0);
    }

    [ApcDataFact]
    public void Frame_Zero_Opening_Quad_Spans_The_Masked_Items()
    {
        var (set, bin) = RealPerceptionEval.Open(ApcTestData.DataRoot);
        var frame = set.Load(0);
        var quad = bin.Quad(frame.CameraToWorld, set.Info.ColorK);

        double uMin = quad.U.Min(), uMax = quad.U.Max(), vMin = quad.V.Min(), vMax = quad.V.Max();
        int inside = 0, total = 0, iuMin = int.MaxValue, iuMax = 0;
        for (var v = 0; v < frame.Height; v++)
        {
            for (var u = 0; u < frame.Width; u++)
            {
                if (frame.ItemMask[(v * frame.Width) + u])
                {
                    total++;
                    inside += u >= uMin && u <= uMax && v >= vMin && v <= vMax ? 1 : 0;
                    iuMin = Math.Min(iuMin, u);
                    iuMax = Math.Max(iuMax, u);
                }
            }
        }

        Assert.True(inside >= 0.95 * total, $"{inside} of {total} item pixels inside the quad's box");
        Assert.True(iuMax - iuMin >= 0.5 * (uMax - uMin), $"items span u {iuMin}-{iuMax}, opening {uMin:F0}-{uMax:F0}");
    }

    [ApcDataFact]
    public void Reference_Free_Volume_Of_Every_Frame_Is_Positive_And_Below_The_Bin_Volume()
    {
        var (set, bin) = RealPerceptionEval.Open(ApcTestData.DataRoot);
        for (var i = 0; i < set.Count; i += 7)
        {
            var frame = set.Load(i);
            var map = RealPerceptionEval.Reference(frame, bin, set.Info.ColorK, 8, 12, out var points);
            var volume = map.Sum() * (bin.Width / 12) * (bin.Height / 8);
            Assert.True(points > 1000, $"frame {i}: {points} item points in the bin");
            Assert.InRange(volume, 0.2 * bin.Volume, 0.99 * bin.Volume);
        }
    }

    [ApcDataFact]
    public void Raw_Depth_Registered_To_Colour_Agrees_With_The_Toolbox_Aligned_Depth()
    {
        var (set, _) = RealPerceptionEval.Open(ApcTestData.DataRoot);
        var frame = set.Load(2);
        var diffs = new List<float>();
        for (var p = 0; p < frame.Depth.Length; p++)
        {
            if (frame.Depth[p] > 0 && frame.RegisteredRawDepth[p] > 0)
            {
                diffs.Add(Math.Abs(frame.Depth[p] - frame.RegisteredRawDepth[p]));
            }
        }

        diffs.Sort();
        var aligned = frame.Depth.Count(d => d > 0);
        var registered = frame.RegisteredRawDepth.Count(d => d > 0);
        Assert.True(diffs.Count > 0.4 * Math.Min(aligned, registered), $"{diffs.Count} pixels with both depths, aligned {aligned}, registered {registered}");
        Assert.True(diffs[diffs.Count / 2] < 0.005, $"median difference {diffs[diffs.Count / 2]} m");
    }

    [ApcDataFact]
    public void Geometric_Eval_Reports_Every_Frame_With_A_Free_Volume_Error_Below_The_Bin_Volume()
    {
        var (set, bin) = RealPerceptionEval.Open(ApcTestData.DataRoot);
        var real = RealPerceptionEval.Run(set, bin, null, null);
        Assert.Equal(15, real.PerFrame.Count);
        Assert.False(real.ModelsRun);
        Assert.Null(real.FreeDepthMae);
        Assert.All(real.PerFrame, f => Assert.True(f.GeometricFreeVolume > 0 && f.GeometricFreeVolume <= bin.Volume));
        Assert.InRange(real.GeometricFreeVolumeErrorPct, 0, 100);
        Assert.InRange(real.GeometricFreeDepthMae, 0, bin.Depth);
    }

    [ApcModelsFact]
    public void Eval_With_The_Shipped_Models_Reports_Finite_Errors_For_Frames_That_See_The_Opening()
    {
        var (set, bin) = RealPerceptionEval.Open(ApcTestData.DataRoot);
        var models = Path.Combine(TestPaths.RepoRoot, "models");
        using var band = OnnxModel.Load(Path.Combine(models, "band.onnx"));
        using var space = OnnxModel.Load(Path.Combine(models, "space.onnx"));
        var real = RealPerceptionEval.Run(set, bin, band, space);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "stowcell-real-eval.json"), JsonSerializer.Serialize(real));
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "stowcell-real-eval.txt"), RealPerceptionText.Format(real));
        Assert.True(real.FramesSeeingOpening >= 1);
        Assert.True(double.IsFinite(real.FreeVolumeErrorPct) && real.FreeVolumeErrorPct < 100);
        Assert.True(double.IsFinite(real.GeometricFreeVolumeErrorPct) && real.GeometricFreeVolumeErrorPct < 100);
    }
}
