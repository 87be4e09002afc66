namespace Stow.Sim.Tests.Rendering;

using Stow.Core.Geometry;
using Stow.Sim.Rendering;

public sealed class CameraRigTests
{
    /// <summary>Angle [°] between a camera's optical axis and the ray to a bin's opening centre.</summary>
    private static double OffAxisDegrees(CameraModel camera, Stow.Core.Pods.BinSpec bin)
    {
        var centre = bin.Origin + new Vec3(0, bin.OpeningWidth / 2, bin.OpeningHeight / 2);
        var c = camera.ToCamera(centre);
        return Math.Atan2(Math.Sqrt((c.X * c.X) + (c.Y * c.Y)), c.Z) * 180 / Math.PI;
    }

    [Fact]
    public void One_Camera_Is_The_Face_Camera_For_Every_Bin()
    {
        var rig = CameraRig.Tower(RenderTestData.Pod, 1);

        Assert.Single(rig.Cameras);
        Assert.All(rig.CameraOfBin, c => Assert.Equal(0, c));
        Assert.Equal(RenderTestData.Camera.Pose, rig.Cameras[0].Pose);
    }

    [Fact]
    public void A_Tower_Of_Three_Sees_Every_Bin_Whole_From_Its_Nearest_Camera_Within_Fifteen_Degrees()
    {
        var pod = RenderTestData.Pod;
        var single = CameraRig.Tower(pod, 1);
        var rig = CameraRig.Tower(pod, 3);

        Assert.Equal(3, rig.Cameras.Count);
        Assert.Equal(new[] { 0, 1, 2 }, rig.CameraOfBin.Distinct().Order().ToArray());
        var worstSingle = 0.0;
        for (var i = 0; i < pod.Bins.Count; i++)
        {
            var bin = pod.Bins[i];
            var camera = rig.CameraFor(i);
            var quad = camera.ProjectOpening(bin);
            Assert.True(quad.IsValid, $"bin {bin.Id} behind camera {rig.CameraOfBin[i]}");
            foreach (var p in new[] { quad.TopLeft, quad.TopRight, quad.BottomRight, quad.BottomLeft })
            {
                Assert.InRange(p.U, 0, camera.Width - 1);
                Assert.InRange(p.V, 0, camera.Height - 1);
            }

            // The nearest camera by height: no other camera of the rig looks at the bin more squarely.
            var own = OffAxisDegrees(camera, bin);
            Assert.All(rig.Cameras, other => Assert.True(own <= OffAxisDegrees(other, bin) + 1e-9));
            Assert.InRange(own, 0, 15);
            worstSingle = Math.Max(worstSingle, OffAxisDegrees(single.Cameras[0], bin));
        }

        Assert.True(worstSingle > 25, $"a single camera sees its worst bin {worstSingle:F1}° off axis");
    }

    [Fact]
    public void A_Tower_Needs_One_To_Eight_Cameras()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CameraRig.Tower(RenderTestData.Pod, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CameraRig.Tower(RenderTestData.Pod, 9));
    }
}
