using Stow.Cell.Perception;
using Stow.Core.Pods;
using Stow.Hardware.Cameras;
using Stow.Hardware.Lifecycle;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Rendering;
using Stow.Tools.Tests.Support;

namespace Stow.Tools.Tests.Perception;

/// <summary>The cell's pod calibration from a camera's own calibration, against the simulator's projection of the same camera.</summary>
public sealed class FaceCalibrationTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_Live_Cells_Recorded_Camera_Sees_Every_Bin_Where_The_Simulators_Camera_Model_Puts_It()
    {
        await Task.Yield();
        var type = PodTypeLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));
        var camera = new RecordedCamera("camera", Path.Combine(TestPaths.RepoRoot, "config", "frames", "fabric-40"));
        Assert.Equal(CallbackReturn.Success, camera.Configure());
        var k = camera.Intrinsics;

        var cell = FaceCalibration.Quads(type, k, camera.Extrinsics);
        var sim = SimScenes.Quads(new CameraModel(k.Fx, k.Fy, k.Cx, k.Cy, k.Width, k.Height, camera.Extrinsics), type);

        Assert.Equal(type.Bins.Count, cell.Length);
        for (var b = 0; b < cell.Length; b++)
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(sim[b].U[i], cell[b].U[i], 6);
                Assert.Equal(sim[b].V[i], cell[b].V[i], 6);
                Assert.Equal(sim[b].Z[i], cell[b].Z[i], 6);
            }
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task A_Camera_Tower_Is_Calibrated_From_Its_Cameras_As_The_Simulator_Mounted_Them(int count)
    {
        await Task.Yield();
        var type = PodTypeLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));
        var rig = CameraRig.Tower(type, count);
        var intrinsics = rig.Cameras.Select(c => new CameraIntrinsics(c.Width, c.Height, c.Fx, c.Fy, c.Cx, c.Cy)).ToArray();
        var poses = rig.Cameras.Select(c => c.Pose).ToArray();

        var cameraOfBin = FaceCalibration.CameraOfBin(type, poses);
        var cell = FaceCalibration.Quads(type, intrinsics, poses, cameraOfBin);
        var sim = SimScenes.Quads(rig, type);

        Assert.Equal(rig.CameraOfBin, cameraOfBin);
        for (var b = 0; b < cell.Length; b++)
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(sim[b].U[i], cell[b].U[i], 6);
                Assert.Equal(sim[b].V[i], cell[b].V[i], 6);
                Assert.Equal(sim[b].Z[i], cell[b].Z[i], 6);
            }
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_Bin_Is_Seen_By_The_Lowest_Camera_Above_Its_Top_Edge_Whatever_The_Camera_Order()
    {
        await Task.Yield();
        var type = PodTypeLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));
        var poses = CameraRig.Tower(type, 3).Cameras.Select(c => c.Pose).Reverse().ToArray();

        var cameraOfBin = FaceCalibration.CameraOfBin(type, poses);

        for (var b = 0; b < type.Bins.Count; b++)
        {
            var top = type.Bins[b].Origin.Z + type.Bins[b].OpeningHeight;
            var seen = poses[cameraOfBin[b]].Position.Z;
            Assert.True(seen >= top - 1e-9 || seen == poses.Max(p => p.Position.Z), $"bin {type.Bins[b].Id}: camera at {seen} m, top edge {top} m");
            Assert.DoesNotContain(poses, p => p.Position.Z >= top - 1e-9 && p.Position.Z < seen);
        }

        Assert.Throws<ArgumentException>(() => FaceCalibration.CameraOfBin(type, []));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_Camera_That_Does_Not_See_The_Pod_Is_Refused_Naming_A_Bin()
    {
        await Task.Yield();
        var type = PodTypeLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));

        var e = Assert.Throws<InvalidOperationException>(() => FaceCalibration.Quads(type, new CameraIntrinsics(640, 480, 500, 500, 320, 240), Stow.Core.Geometry.Pose.Identity));

        Assert.Contains("bin", e.Message, StringComparison.Ordinal);
    }
}
