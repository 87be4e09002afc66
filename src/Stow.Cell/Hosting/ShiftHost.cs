using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Stow.Cell.Journal;
using Stow.Cell.Mqtt;
using Stow.Cell.PackML;
using Stow.Cell.PerceptionTools;
using Stow.Cell.Reporting;
using Stow.Cell.Shift;
using Stow.Cell.Simulation;
using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Core.Time;
using Stow.Perception.Onnx;
using Stow.Planning.Decision;
using Stow.Planning.Risk;
using Stow.Sim.Rendering;

namespace Stow.Cell.Hosting;

/// <summary>
/// Composition root of a stow shift on the simulator: real catalogue items, the simulated world,
/// perception (ONNX models on rendered frames, or ground truth), the planner, motion, the SQLite
/// journal, a mosquitto broker with the MQTT operator link and a simulated operator, and the PackML
/// cell; runs the shift and writes the report directory. One shift per instance; not thread-safe.
/// </summary>
public sealed class ShiftHost
{
    private readonly CellOptions _o;
    private readonly ILoggerFactory _logs;
    private readonly string _root;
    private string _executionProvider = "none"; // what ORT's profile showed for the perception models

    /// <summary>Creates the host for <paramref name="options"/>.</summary>
    /// <param name="options">The layered cell configuration.</param>
    /// <param name="logs">Logger factory (NLog).</param>
    /// <param name="repoRoot">Root for relative paths (models, config/pods).</param>
    public ShiftHost(CellOptions options, ILoggerFactory logs, string repoRoot)
    {
        _o = options;
        _logs = logs;
        _root = repoRoot;
    }

    /// <summary>The operator HMI's model, fed by this shift while it runs; null for no HMI.</summary>
    public Hmi.HmiState? Hmi { get; init; }

    /// <summary>Raised on every progress snapshot (shift thread).</summary>
    public event EventHandler<ShiftProgress>? Progress;

    /// <summary>Runs the shift and writes <c>summary.json</c> and <c>report.html</c> into <paramref name="runDir"/>.</summary>
    /// <exception cref="ShiftSetupException">Something the run needs is missing or invalid (message says what and how to fix).</exception>
    public async Task<ShiftResult> RunAsync(string runDir, CancellationToken cancel)
    {
        var log = _logs.CreateLogger("Stow.Cell.Shift");
        Directory.CreateDirectory(runDir);
        var (catalog, type, allTypes) = LoadInputs();
        var items = ItemSampler.Draw(catalog, _o.Items, _o.Seed);
        var clock = new VirtualClock();
        var world = new SimShiftWorld(type, catalog.Items, _o.ArrivalFillMax, _o.Seed);
        var perception = BuildPerception(world, type);
        var model = SuccessModel();
        var plannerOptions = new PlannerOptions
        {
            SwapThreshold = _o.Planning.SwapThreshold,
            Floor = _o.Planning.Floor,
            ExplorationRate = _o.Planning.ExplorationRate,
            SwapSlack = _o.Planning.SwapSlack,
            Fit = new Stow.Planning.Candidates.FitOptions { DepthUncertaintyMargin = _o.Planning.DepthUncertaintyMargin },
            PreferOverheadRows = _o.Planning.PreferOverheadRows,
            Seed = _o.Seed,
        };
        // The shift is only ever given pods of one type: an item that fits none of its bins goes to the exception
        // path at once instead of waiting in the buffer through pod swaps that cannot help it.
        PodType[] shiftTypes = [type];
        var planner = new PolicyPlanner(
            new StowPlanner(model, shiftTypes, plannerOptions),
            new StowPlanner(model, shiftTypes, plannerOptions with { SwapThreshold = plannerOptions.Floor }));
        var cell = new PackMlCell(clock, _logs.CreateLogger("Stow.Cell.PackML"));
        using var journal = InventoryJournal.Open(Path.Combine(runDir, "journal.db"), clock, _logs.CreateLogger("Stow.Cell.Journal"));
        var reconciled = journal.ReconcileAtStartup();
        if (reconciled.Flagged.Count > 0)
        {
            log.LogWarning("journal: {Count} items were in flight at the last stop; flagged for an operator to verify", reconciled.Flagged.Count);
        }

        await using var mqtt = await MqttSession.StartAsync(_o, runDir, clock, cell, _logs, cancel);
        var channel = new MqttOperatorChannel(mqtt.Link, cell, _logs.CreateLogger("Stow.Cell.Operator")) { CurrentPod = world.Pod };
        world.PodArrived += (_, pod) => channel.CurrentPod = pod.PodId;
        var motion = BuildMotion(world, clock);
        var runner = new ShiftRunner(world, perception, planner, motion, new ShiftJournal(journal, n => allTypes.First(t => t.Name == n).Bins.Select(b => b.Id)),
            channel, new PackMlShiftStates(cell), clock, _o.Shift, log);
        runner.Progress += (s, p) => Progress?.Invoke(s, p);
        // One record per acknowledged prompt, whichever channel (MQTT or HMI) it came over, with who gave it.
        mqtt.Link.PromptAcknowledged += (_, e) => journal.RecordAcknowledgement(new OperatorAckRecord(
            e.Prompt.Id, e.Prompt.Kind.ToString(), e.Operator, e.Channel, e.Response, e.Prompt.IssuedAt, e.At));
        using var hmi = Hmi?.Attach(cell, mqtt.Link, type, runner);
        if (Hmi is { } screen && perception is RenderedPerception rendered)
        {
            rendered.BinPerceived += (_, f) =>
            {
                if (screen.WantsFrame())
                {
                    screen.ShowFrame(Stow.Cell.Hmi.HmiFrameBuilder.Build(rendered.Pipeline, f.Frame, f.BinIndex, f.Estimate, type[f.Estimate.Bin].Volume));
                }
            };
        }
        log.LogInformation("shift: {Items} items from {Catalog} (seed {Seed}), pod type {PodType}, perception {Perception}, motion {Motion}",
            items.Count, catalog.Name, _o.Seed, type.Name, CellConfiguration.Text(_o.Perception.Mode), CellConfiguration.Text(_o.Motion.Mode));
        ShiftResult result;
        try
        {
            result = await Task.Run(() => runner.Run(items, cancel), CancellationToken.None);
        }
        finally
        {
            (perception as IDisposable)?.Dispose();
            (motion as IDisposable)?.Dispose();
        }

        result.Summary.Config = string.IsNullOrEmpty(_o.Motion.Hardware) ? "cell.sim" : Path.GetFileNameWithoutExtension(_o.Motion.Hardware);
        result.Summary.Seed = _o.Seed;
        result.Summary.Catalog = catalog.Name;
        TargetCheck.Judge(result.Summary, CellConfiguration.DifferencesFromDefault(_o));
        result.Summary.ExecutionProvider = _executionProvider;
        File.WriteAllText(Path.Combine(runDir, "attempt-records.json"), JsonSerializer.Serialize(planner.Records, ReportWriter.JsonOptions));
        ReportWriter.Write(runDir, result);
        log.LogInformation("shift done: {Summary}", string.Create(CultureInfo.InvariantCulture,
            $"{result.Summary.Stowed}/{result.Summary.Attempted} stowed, UPH {result.Summary.Uph:F0}, unaccounted {result.Summary.Unaccounted}"));
        return result;
    }

    private (ItemCatalog Catalog, PodType Type, IReadOnlyList<PodType> All) LoadInputs()
    {
        try
        {
            var folder = Path.Combine(_root, "config", "pods");
            var all = PodTypeLoader.LoadFolder(folder);
            if (!all.TryGetValue(_o.PodType, out var type))
            {
                throw new ShiftSetupException($"pod type '{_o.PodType}' is not in {folder} (have: {string.Join(", ", all.Keys)})");
            }

            var catalog = CatalogLoader.Load(_o.Catalog, CatalogPaths.ResolveDataRoot(_o.DataDir), StowabilityRules.ForPodTypes(all.Values));
            if (catalog.Items.Count == 0)
            {
                throw new ShiftSetupException($"catalogue '{_o.Catalog}' has no stowable items");
            }

            return (catalog, type, all.Values.ToList());
        }
        catch (Exception e) when (e is CatalogException or PodConfigException)
        {
            throw new ShiftSetupException(e.Message, e);
        }
    }

    private ISuccessModel SuccessModel()
    {
        if (_o.Planning.Model == SuccessModelKind.Prior)
        {
            return new PriorSuccessModel();
        }

        var path = Path.Combine(_root, "models", "risk.json");
        if (!File.Exists(path))
        {
            throw new ShiftSetupException($"learned success model {path} is missing: fit it with `./run.sh risk fit`");
        }

        var p = JsonSerializer.Deserialize<LearnedModelParameters>(File.ReadAllText(path))
            ?? throw new ShiftSetupException($"{path} holds no model parameters");
        return new LearnedSuccessModel(p);
    }

    private IShiftPerception BuildPerception(SimShiftWorld world, PodType type)
    {
        switch (_o.Perception.Mode)
        {
            case PerceptionMode.GroundTruth:
                return new GroundTruthPerception(world);
            case PerceptionMode.Onnx:
                var rig = CameraRig.Tower(type, _o.Perception.Cameras);
                var options = new OnnxSessionOptions
                {
                    ExecutionProvider = OnnxSessionOptions.Parse(_o.Perception.Provider),
                    CudaDeviceId = _o.Perception.DeviceId,
                    IntraOpThreadCount = _o.Perception.IntraOpThreads,
                    GraphOptimizationLevel = OnnxSessionOptions.ParseOptimizationLevel(_o.Perception.GraphOptimization),
                };
                try
                {
                    var pipeline = PerceptionModels.Load(Path.Combine(_root, _o.Perception.Models), type, rig, options, _logs.CreateLogger("Stow.Perception"));
                    pipeline.DepthMargin = (float)_o.Perception.DepthMargin;
                    pipeline.GeometricBound = _o.Perception.GeometricBound;
                    _executionProvider = pipeline.ExecutionProvider;
                    var images = Path.Combine(CatalogPaths.ResolveDataRoot(_o.DataDir), "items", "arc2017", "images");
                    return new RenderedPerception(world, pipeline, rig, Directory.Exists(images) ? images : null, _o.Seed);
                }
                catch (Exception e) when (e is FileNotFoundException or ModelContractException or OnnxRuntimeException or DllNotFoundException)
                {
                    throw new ShiftSetupException(e.Message + (e is DllNotFoundException ? " (ONNX Runtime's native library comes with the NuGet package Microsoft.ML.OnnxRuntime.Gpu: restore with ./run.sh or scripts/setup.sh)" : string.Empty), e);
                }

            default:
                throw new InvalidOperationException($"unknown perception mode {_o.Perception.Mode}");
        }
    }

    private IShiftMotion BuildMotion(SimShiftWorld world, VirtualClock clock)
    {
        switch (_o.Motion.Mode)
        {
            case MotionMode.Timed:
                return new TimedMotion(clock);
            case MotionMode.Arm:
                try
                {
                    // Items are not solid to the arm: the world's outcome model decides what a primitive does to
                    // them (the contact model treats items as immovable, which would stop every sweep).
                    var arm = new SimArmMotion(world, clock, new SimArmMotionOptions
                    {
                        Seed = _o.Seed,
                        RateHz = _o.Motion.RateHz,
                        ItemContact = false,
                        LiveSimConfigPath = string.IsNullOrEmpty(_o.Motion.Hardware) ? null : Path.GetFullPath(Path.Combine(_root, _o.Motion.Hardware)),
                    });
                    if (_o.Motion.BeltJamAtStow > 0)
                    {
                        arm.InjectBeltJamAt(_o.Motion.BeltJamAtStow);
                    }

                    if (_o.Motion.EStopAtStow > 0)
                    {
                        arm.InjectEStopAt(_o.Motion.EStopAtStow);
                    }

                    if (_o.Motion.HeartbeatLossAtStow > 0)
                    {
                        arm.InjectHeartbeatLossAt(_o.Motion.HeartbeatLossAtStow);
                    }

                    return arm;
                }
                catch (Exception e) when (e is InvalidOperationException or FormatException)
                {
                    throw new ShiftSetupException($"hardware did not come up: {e.Message}", e);
                }

            default:
                throw new InvalidOperationException($"unknown motion mode {_o.Motion.Mode}");
        }
    }
}
