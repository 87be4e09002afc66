using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Stow.Cell.Backends;
using Stow.Cell.Journal;
using Stow.Cell.Mqtt;
using Stow.Cell.PackML;
using Stow.Cell.Reporting;
using Stow.Cell.Shift;
using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Core.Time;
using Stow.Planning.Decision;
using Stow.Planning.Risk;

namespace Stow.Cell.Hosting;

/// <summary>
/// Composition root of a stow shift: real catalogue items, the backend named by <c>Cell:Backend</c> (loaded as a
/// plugin: the pod side, perception and motion; the simulator's is <c>Stow.Sim.Cell</c>), the planner, the SQLite
/// journal, a mosquitto broker with the MQTT operator link (and the backend's operator stand-in, if any), and the
/// PackML cell; runs the shift and writes the report directory. One shift per instance; not thread-safe.
/// </summary>
public sealed class ShiftHost
{
    private readonly CellOptions _o;
    private readonly ILoggerFactory _logs;
    private readonly string _root;

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
        var factory = CellBackendLoader.Load(_o.Backend);
        using var backend = factory.Create(new CellBackendContext(_o, type, catalog.Items, clock, _logs, _root));
        var world = backend.World;
        var model = SuccessModel();
        var plannerOptions = new PlannerOptions
        {
            SwapThreshold = _o.Planning.SwapThreshold,
            Floor = _o.Planning.Floor,
            ExplorationRate = _o.Planning.ExplorationRate,
            SwapSlack = _o.Planning.SwapSlack,
            PodSwapSeconds = _o.Shift.PodSwapSeconds, // the swap the shift waits for is the swap the planner weighs
            Fit = new Stow.Planning.Candidates.FitOptions { DepthUncertaintyMargin = _o.Planning.DepthUncertaintyMargin },
            PreferOverheadRows = _o.Planning.PreferOverheadRows,
            Seed = _o.Seed,
        };
        // The shift is only ever given pods of one type: an item that fits none of its bins goes to the exception
        // path at once instead of waiting in the buffer through pod swaps that cannot help it.
        PodType[] shiftTypes = [type];
        var planner = new PolicyPlanner(
            new StowPlanner(model, shiftTypes, plannerOptions),
            new StowPlanner(model, shiftTypes, plannerOptions with { SwapThreshold = plannerOptions.Floor }),
            _o.Planning.MinPodReach > 0 ? new PodReachRouter(model, plannerOptions, _o.Planning.MinPodReach, _o.Planning.ReachPods) : null);
        var cell = new PackMlCell(clock, _logs.CreateLogger("Stow.Cell.PackML"));
        using var journal = InventoryJournal.Open(Path.Combine(runDir, "journal.db"), clock, _logs.CreateLogger("Stow.Cell.Journal"));
        var reconciled = journal.ReconcileAtStartup();
        if (reconciled.Flagged.Count > 0)
        {
            log.LogWarning("journal: {Count} items were in flight at the last stop; flagged for an operator to verify", reconciled.Flagged.Count);
        }

        await using var mqtt = await MqttSession.StartAsync(_o, runDir, clock, cell, _logs, cancel);
        await using var standIn = _o.Mqtt.SimulatedOperator ? await backend.StartOperatorAsync(mqtt.Endpoint, cancel) : null;
        var channel = new MqttOperatorChannel(mqtt.Link, cell, _logs.CreateLogger("Stow.Cell.Operator")) { CurrentPod = world.Pod };
        backend.PodArrived += (_, pod) => channel.CurrentPod = pod;
        var states = new PackMlShiftStates(cell, ActingWork(backend.Motion));
        var runner = new ShiftRunner(world, backend.Perception, planner, backend.Motion, new ShiftJournal(journal, n => allTypes.First(t => t.Name == n).Bins.Select(b => b.Id)),
            channel, states, clock, _o.Shift, log, backend.Scorer);
        runner.Progress += (s, p) => Progress?.Invoke(s, p);
        // Prompts journaled while open (those left open by an earlier run re-issued with their ids); one record per
        // acknowledgement, whichever channel (MQTT or HMI) it came over, with who gave it.
        using var prompts = OperatorPromptJournal.Attach(mqtt.Link, journal, log);
        using var hmi = Hmi?.Attach(states, mqtt.Link, type, runner);
        if (Hmi is { } screen && backend.Perception is IPerceivedFrames frames)
        {
            frames.BinPerceived += (_, f) => screen.Perceived(frames.Pipeline, f, type[f.Estimate.Bin]);
        }

        log.LogInformation("shift: {Items} items from {Catalog} (seed {Seed}), pod type {PodType}, perception {Perception}, motion {Motion}",
            items.Count, catalog.Name, _o.Seed, type.Name, CellConfiguration.Text(_o.Perception.Mode), CellConfiguration.Text(_o.Motion.Mode));
        log.LogInformation("backend: {Backend}", _o.Backend);
        var result = await Task.Run(() => runner.Run(backend.Scan(items), cancel), CancellationToken.None);

        result.Summary.Config = string.IsNullOrEmpty(_o.Motion.Hardware) ? "cell.sim" : Path.GetFileNameWithoutExtension(_o.Motion.Hardware);
        result.Summary.Seed = _o.Seed;
        result.Summary.Catalog = catalog.Name;
        TargetCheck.Judge(result.Summary, CellConfiguration.DifferencesFromDefault(_o));
        result.Summary.ExecutionProvider = backend.Perception.ExecutionProvider;
        File.WriteAllText(Path.Combine(runDir, "attempt-records.json"), JsonSerializer.Serialize(planner.Records, ReportWriter.JsonOptions));
        ReportWriter.Write(runDir, result);
        log.LogInformation("shift done: {Summary}", string.Create(CultureInfo.InvariantCulture,
            $"{result.Summary.Stowed}/{result.Summary.Attempted} stowed, UPH {result.Summary.Uph:F0}, unaccounted {result.Summary.Unaccounted}"));
        return result;
    }

    /// <summary>The work of PackML's acting states on this cell: bring-up in Resetting, fault clearing in Clearing.</summary>
    private static Dictionary<PackMlState, Func<bool>> ActingWork(IShiftMotion motion) => new()
    {
        [PackMlState.Resetting] = motion.BringUp,
        [PackMlState.Clearing] = () =>
        {
            motion.ClearFault();
            return true;
        },
    };

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

            // The induct sends the cell only items its pods can hold: the shift is served pods of one type, so an item that
            // fits no bin of that type (e.g. one only fabric-24-wide's wider bins take) is not this station's to stow.
            var catalog = CatalogLoader.Load(_o.Catalog, CatalogPaths.ResolveDataRoot(_o.DataDir), StowabilityRules.ForPodTypes([type]));
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
}
