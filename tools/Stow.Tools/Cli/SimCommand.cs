using System.CommandLine;
using Stow.Tools.PerceptionTools;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Operator;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Sim.Rendering;
using Stow.Sim.World;

namespace Stow.Tools.Cli;

/// <summary>
/// <c>stowcell sim render --seed S --out DIR</c>: renders a seeded, prefilled simulated pod face
/// with real items and writes rgb.png, depth.png (16-bit, mm), band_mask.png, band_free_rgb.png,
/// band_free_depth.png and ground_truth.json (camera, quads, and each bin's free-depth map, free
/// volume and largest box). Exit codes: 0 success, 2 bad input or missing data.
/// </summary>
public static class SimCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Scene seed", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Output folder", Required = true };
        var data = CliCommon.DataOption();
        var podType = CliCommon.PodTypeOption();
        var fill = new Option<double?>("--fill") { Description = "Prefill as a fraction of bin volume, 0-1 (default: seeded, 0 to 0.6)" };
        var render = new Command("render", "Render a seeded simulated pod face with ground truth");
        render.Options.Add(seed);
        render.Options.Add(output);
        render.Options.Add(data);
        render.Options.Add(podType);
        render.Options.Add(fill);
        render.SetAction(pr =>
        {
            try
            {
                var root = CatalogPaths.ResolveDataRoot(pr.GetValue(data));
                var type = CliCommon.PodType(pr.GetValue(podType)!);
                var s = pr.GetValue(seed);
                var pod = pr.GetValue(fill) is { } f ? Prefilled(type, SimScenes.SceneItems(root), s, f) : SimScenes.Pod(type, SimScenes.SceneItems(root), s);
                var camera = CameraModel.DefaultFor(type);
                var frame = new PodFaceRenderer(camera).Render(PerceptionDataset.WorldScene(pod, CliCommon.ArcImages(root), s), 0, s);
                var truth = BinGroundTruth.Estimate(pod, 0, PerceptionDataset.GridRows, PerceptionDataset.GridCols);
                var extra = new
                {
                    seed = s,
                    pod_type = type.Name,
                    items = pod.ItemCount,
                    bins = truth.Bins.Select(b => new
                    {
                        bin = b.Bin.ToString(),
                        free_volume_m3 = b.FreeVolume,
                        largest_box_m = new[] { b.LargestBox.Depth, b.LargestBox.Width, b.LargestBox.Height },
                        grid = new[] { b.GridRows, b.GridCols },
                        free_depth_m = b.FreeDepth,
                    }),
                };
                var dir = pr.GetValue(output)!;
                FrameWriter.Write(frame, dir, extra);
                Console.WriteLine($"rendered pod {pod.PodId} ({type.Name}, {pod.ItemCount} items) seed {s} at {frame.Width}x{frame.Height} into {Path.GetFullPath(dir)}");
                return 0;
            }
            catch (Exception e) when (e is CatalogException or PodConfigException or IOException)
            {
                Console.Error.WriteLine($"stowcell sim render: {e.Message}");
                return 2;
            }
        });
        var cmd = new Command("sim", "Simulator tools");
        cmd.Subcommands.Add(render);
        cmd.Subcommands.Add(SimServeCommand.Create());
        cmd.Subcommands.Add(SimUrControllerCommand.Create());
        return cmd;
    }

    /// <summary>A scene pod prefilled to <paramref name="fill"/> of its bin volume (seeded by <paramref name="seed"/>).</summary>
    /// <exception cref="IOException"><paramref name="fill"/> is outside [0, 1].</exception>
    private static Stow.Sim.World.SimPod Prefilled(Stow.Core.Pods.PodType type, IReadOnlyList<Stow.Core.Items.Item> items, int seed, double fill)
    {
        if (fill is < 0 or > 1 || double.IsNaN(fill))
        {
            throw new IOException($"--fill {fill} must be within 0 and 1");
        }

        var pod = new Stow.Sim.World.SimPod(new Stow.Core.Ids.PodId($"POD-S{seed}"), type);
        Stow.Sim.World.PodPrefill.Fill(pod, items, fill, new Random(seed));
        return pod;
    }
}
