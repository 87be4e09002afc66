using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Stow.Tools.PerceptionTools;
using Stow.Tools.PerceptionTools.Real;
using Stow.Cell.Reporting;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Operator;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Perception.Onnx;
using Stow.Sim.Rendering;

namespace Stow.Tools.Cli;

/// <summary>
/// <c>stowcell perception dataset|eval</c>: writes simulator training sets for the band and space
/// models, and evaluates the shipped models on held-out simulator seeds (and the real APC 2016 bin
/// frames). Exit codes: 0 success, 2 bad input, missing data or models.
/// </summary>
public static class PerceptionCommand
{
    /// <summary>Seeds of the evaluation scenes: disjoint from the training (1000-1299) and validation (5000-5039) seeds.</summary>
    public const string EvalSeeds = "9000-9019";

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var cmd = new Command("perception", "Perception datasets and evaluation");
        cmd.Subcommands.Add(Dataset());
        cmd.Subcommands.Add(Eval());
        cmd.Subcommands.Add(Providers());
        return cmd;
    }

    private static Command Dataset()
    {
        var seeds = new Option<string>("--seeds") { Description = "Scene seeds A-B", Required = true };
        var output = new Option<string>("--out") { Description = "Output folder", Required = true };
        var data = CliCommon.DataOption();
        var podType = CliCommon.PodTypeOption();
        var cameras = CamerasOption();
        var cmd = new Command("dataset", "Write a band/space training set from simulator renders (.npy)");
        cmd.Options.Add(seeds);
        cmd.Options.Add(output);
        cmd.Options.Add(data);
        cmd.Options.Add(podType);
        cmd.Options.Add(cameras);
        cmd.SetAction(pr => Guard("perception dataset", () =>
        {
            var root = CatalogPaths.ResolveDataRoot(pr.GetValue(data));
            var type = CliCommon.PodType(pr.GetValue(podType)!);
            var rig = CameraRig.Tower(type, pr.GetValue(cameras));
            var n = PerceptionDataset.Write(type, SimScenes.SceneItems(root), CliCommon.Seeds(pr.GetValue(seeds)!), pr.GetValue(output)!, CliCommon.ArcImages(root), rig);
            Console.WriteLine($"wrote {n} bin crops to {Path.GetFullPath(pr.GetValue(output)!)}");
        }));
        return cmd;
    }

    private static Command Eval()
    {
        var seeds = new Option<string>("--seeds") { Description = "Held-out scene seeds A-B", DefaultValueFactory = _ => EvalSeeds };
        var models = new Option<string?>("--models") { Description = "Folder with band.onnx and space.onnx (default models/)" };
        var provider = new Option<string>("--provider") { Description = "Execution provider: cpu or cuda", DefaultValueFactory = _ => "cpu" };
        var json = CliCommon.JsonOption();
        var data = CliCommon.DataOption();
        var podType = CliCommon.PodTypeOption();
        var cmd = new Command("eval", "Evaluate the perception models on held-out simulator scenes and real frames");
        var cameras = CamerasOption();
        foreach (var o in new Option[] { seeds, models, provider, json, data, podType, cameras })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(pr => Guard("perception eval", () =>
        {
            var root = CatalogPaths.ResolveDataRoot(pr.GetValue(data));
            var type = CliCommon.PodType(pr.GetValue(podType)!);
            var options = new OnnxSessionOptions { ExecutionProvider = OnnxSessionOptions.Parse(pr.GetValue(provider)!) };
            var rig = CameraRig.Tower(type, pr.GetValue(cameras));

            // Warnings (e.g. the CUDA provider falling back to CPU, with ORT's reason) on stderr, one line each; stdout keeps the report.
            using var logs = LoggerFactory.Create(b =>
            {
                b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
                b.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            });
            using var pipeline = PerceptionModels.Load(pr.GetValue(models) ?? PerceptionModels.DefaultFolder(), type, rig, options, logs.CreateLogger("Stow.Perception"));
            var sim = SimPerceptionEval.Run(pipeline, type, SimScenes.SceneItems(root), CliCommon.Seeds(pr.GetValue(seeds)!), CliCommon.ArcImages(root), rig);
            var report = new PerceptionReport(pipeline.ExecutionProvider, sim, RealFigures(root, pr.GetValue(models) ?? PerceptionModels.DefaultFolder(), options));
            if (pr.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, ReportWriter.JsonOptions));
            }
            else
            {
                Console.WriteLine(report.ToText());
            }
        }));
        return cmd;
    }

    private static Command Providers()
    {
        var models = new Option<string?>("--models") { Description = "Folder with band.onnx and space.onnx (default models/)" };
        var provider = new Option<string>("--provider") { Description = "Execution provider to check: cpu or cuda", DefaultValueFactory = _ => "cuda" };
        var device = new Option<int>("--device") { Description = "CUDA device id", DefaultValueFactory = _ => 0 };
        var batch = new Option<int>("--batch") { Description = "Bins per run", DefaultValueFactory = _ => 40 };
        var runs = new Option<int>("--runs") { Description = "Timed runs per session", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random input", DefaultValueFactory = _ => 1 };
        var json = CliCommon.JsonOption();
        var cmd = new Command("providers", "Check an execution provider: which provider ran the models, outputs against CPU, latency");
        foreach (var o in new Option[] { models, provider, device, batch, runs, seed, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(pr => Guard("perception providers", () =>
        {
            var options = new OnnxSessionOptions { ExecutionProvider = OnnxSessionOptions.Parse(pr.GetValue(provider)!), CudaDeviceId = pr.GetValue(device) };
            using var logs = LoggerFactory.Create(b =>
            {
                b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
                b.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            });
            var rows = ProviderProbe.Run(pr.GetValue(models) ?? PerceptionModels.DefaultFolder(), options, pr.GetValue(batch), pr.GetValue(runs), pr.GetValue(seed), logs.CreateLogger("Stow.Perception"));
            if (pr.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows, ReportWriter.JsonOptions));
                return;
            }

            Console.WriteLine("model       asked  ran          cpu p50 ms  p50 ms  p99 ms  max |diff|");
            foreach (var r in rows)
            {
                Console.WriteLine(FormattableString.Invariant($"{r.Model,-11} {r.Requested,-6} {r.ExecutionProvider,-12} {r.CpuP50Ms,10:F3} {r.P50Ms,7:F3} {r.P99Ms,7:F3}  {r.MaxAbsDiff:E2}"));
            }
        }));
        return cmd;
    }

    private static Option<int> CamerasOption() => new("--cameras")
    {
        Description = "Face cameras on the tower (1-8; the main job's default is 3)",
        DefaultValueFactory = _ => 3,
    };

    private static RealPerceptionFigures? RealFigures(string root, string modelFolder, OnnxSessionOptions options)
    {
        ApcFrameSet set;
        ApcBinGeometry bin;
        try
        {
            (set, bin) = RealPerceptionEval.Open(root);
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine($"stowcell perception eval: real frames skipped: {e.Message}");
            return null;
        }

        // Same models and options as the pipeline's, whose load already logged any provider fallback.
        using var band = OnnxModel.Load(Path.Combine(modelFolder, "band.onnx"), options);
        using var space = OnnxModel.Load(Path.Combine(modelFolder, "space.onnx"), options);
        return RealPerceptionEval.Run(set, bin, band, space);
    }

    private static int Guard(string name, Action body)
    {
        try
        {
            body();
            return 0;
        }
        catch (Exception e) when (e is CatalogException or PodConfigException or IOException or FormatException
            or ModelContractException or OnnxRuntimeException or DllNotFoundException)
        {
            Console.Error.WriteLine($"stowcell {name}: {e.Message}");
            return 2;
        }
    }
}
