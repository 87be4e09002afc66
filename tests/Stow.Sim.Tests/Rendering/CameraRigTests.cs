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
    public void A_Tower_Of_Three_Sees_Every_Bin_Whole_From_At_Or_Above_Its_Opening_And_Within_Twenty_Five_Degrees()
    {
        var pod = RenderTestData.Pod;
        var single = CameraRig.Tower(pod, 1);
        var rig = CameraRig.Tower(pod, 3);

        Assert.Equal(3, rig.Cameras.Count);
        Assert.Equal(new[] { 0, 1, 2 }, rig.CameraOfBin.Distinct().Order().ToArray());
        var fromBelow = 0;
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

            // Seen from at or above the opening's top edge (looking down onto the floor), by the lowest such camera.
            var top = bin.Origin.Z + bin.OpeningHeight;
            Assert.True(camera.Pose.Position.Z >= top - 1e-9, $"bin {bin.Id} (top {top:F2} m) seen from {camera.Pose.Position.Z:F2} m");
            Assert.All(rig.Cameras.Where(c => c.Pose.Position.Z < camera.Pose.Position.Z), lower => Assert.True(lower.Pose.Position.Z < top - 1e-9));
            Assert.InRange(OffAxisDegrees(camera, bin), 0, 25);
            fromBelow += single.Cameras[0].Pose.Position.Z < top ? 1 : 0;
        }

        Assert.True(fromBelow >= 8, $"the single face camera looks up into {fromBelow} bins");
    }

    [Fact]
    public void A_Tower_Needs_One_To_Eight_Cameras()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CameraRig.Tower(RenderTestData.Pod, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CameraRig.Tower(RenderTestData.Pod, 9));
    }
}
