using Stow.Sim.Devices.Induct;
using Stow.Sim.World;
using Microsoft.Extensions.Logging;
using Stow.Cell.Backends;
using Stow.Cell.Hosting;
using Stow.Cell.Outcomes;
using Stow.Cell.Shift;
using Stow.Core.Catalog;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Perception.Onnx;
using Stow.Sim.Cell.Motion;
using Stow.Sim.Cell.Operator;
using Stow.Sim.Cell.Perception;
using Stow.Sim.Cell.World;
using Stow.Sim.Rendering;

namespace Stow.Sim.Cell.Backend;

/// <summary>
/// A shift's devices on the simulator: the simulated world (a stream of prefilled pods), perception (the ONNX models on
/// rendered frames, or the world's ground truth, by <c>Cell:Perception:Mode</c>), motion (the arm simulator with the
/// control loop, or timed motion, by <c>Cell:Motion:Mode</c>), the induct's measurement of arriving items
/// (<see cref="InductScale"/>), and a simulated operator over MQTT.
/// Threading: the shift thread only. Lifecycle: built ready; <see cref="Dispose"/> shuts the devices down.
/// </summary>
public sealed class SimCellBackend : ICellBackend
{
    private readonly SimShiftWorld _world;
    private readonly ILoggerFactory _logs;
    private readonly InductScale _scale;

    private SimCellBackend(SimShiftWorld world, IShiftPerception perception, IShiftMotion motion, ILoggerFactory logs, int seed, InductErrorOptions induct)
    {
        _scale = new InductScale(seed, induct);
        _world = world;
        _logs = logs;
        Scorer = new SimOutcomeScorer(world);
        Perception = perception;
        Motion = motion;
        world.PodArrived += OnPodArrived;
    }

    /// <inheritdoc />
    public event EventHandler<PodId>? PodArrived;

    /// <inheritdoc />
    public IShiftWorld World => _world;

    /// <inheritdoc />
    public IShiftPerception Perception { get; }

    /// <inheritdoc />
    public IShiftMotion Motion { get; }

    /// <inheritdoc />
    public IAttemptScorer? Scorer { get; private init; }

    /// <summary>Builds the backend from the shift's context.</summary>
    /// <exception cref="ShiftSetupException">A model, mode or the simulated hardware is not usable (the message says what).</exception>
    public static SimCellBackend Create(CellBackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var o = context.Options;
        SimWorldOptions simOptions;
        try
        {
            simOptions = SimWorldOptions.FromConfiguration(o.Sim, "the cell configuration's Sim: section");
        }
        catch (SimConfigException e)
        {
            throw new ShiftSetupException($"configuration: {e.Message}", e);
        }

        if (o.ArrivalFillMax is { } max)
        {
            simOptions = simOptions with { Arrival = PodArrivalOptions.UpTo(max) };
        }

        var world = new SimShiftWorld(context.PodType, context.CatalogItems, simOptions, o.Seed);
        var perception = BuildPerception(context, world);
        try
        {
            return new SimCellBackend(world, perception, BuildMotion(context, world), context.Logs, o.Seed, simOptions.Induct);
        }
        catch
        {
            (perception as IDisposable)?.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>Measurement error from <see cref="InductScale"/>, seeded with the run's seed; the world keeps the true items.</remarks>
    public IReadOnlyList<Item> Scan(IReadOnlyList<Item> arriving)
    {
        ArgumentNullException.ThrowIfNull(arriving);
        var measured = new Item[arriving.Count];
        for (var i = 0; i < arriving.Count; i++)
        {
            _world.TrueItems[arriving[i].Id] = arriving[i];
            measured[i] = _scale.Measure(arriving[i]);
        }

        return measured;
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable?> StartOperatorAsync(OperatorEndpoint endpoint, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var op = new SimulatedOperator(endpoint.CellId, endpoint.Host, endpoint.Port, endpoint.Username, endpoint.Password,
            _logs.CreateLogger("Stow.Cell.SimulatedOperator"));
        return await StartAsync(op, cancel).ConfigureAwait(false);
    }

    /// <summary>Connects the simulated operator (15 s at most).</summary>
    /// <param name="op">The operator (not yet connected).</param>
    /// <param name="cancel">Cancels the connection.</param>
    private static async Task<IAsyncDisposable?> StartAsync(SimulatedOperator op, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            await op.ConnectAsync(timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            await op.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new OperatorHandle(op);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _world.PodArrived -= OnPodArrived;
        (Perception as IDisposable)?.Dispose();
        (Motion as IDisposable)?.Dispose();
    }

    private void OnPodArrived(object? sender, Stow.Sim.World.SimPod pod) => PodArrived?.Invoke(this, pod.PodId);

    private static IShiftPerception BuildPerception(CellBackendContext context, SimShiftWorld world)
    {
        var o = context.Options;
        switch (o.Perception.Mode)
        {
            case PerceptionMode.GroundTruth:
                return new GroundTruthPerception(world);
            case PerceptionMode.Onnx:
                var rig = CameraRig.Tower(context.PodType, o.Perception.Cameras);
                var options = new OnnxSessionOptions
                {
                    ExecutionProvider = OnnxSessionOptions.Parse(o.Perception.Provider),
                    CudaDeviceId = o.Perception.DeviceId,
                    IntraOpThreadCount = o.Perception.IntraOpThreads,
                    GraphOptimizationLevel = OnnxSessionOptions.ParseOptimizationLevel(o.Perception.GraphOptimization),
                };
                try
                {
                    var pipeline = PerceptionModels.Load(Path.Combine(context.RepoRoot, o.Perception.Models), context.PodType, rig, options, context.Logs.CreateLogger("Stow.Perception"));
                    pipeline.DepthMargin = (float)o.Perception.DepthMargin;
                    pipeline.GeometricBound = o.Perception.GeometricBound;
                    var images = Path.Combine(CatalogPaths.ResolveDataRoot(o.DataDir), "items", "arc2017", "images");
                    return new RenderedPerception(world, pipeline, rig, Directory.Exists(images) ? images : null, o.Seed);
                }
                catch (Exception e) when (e is FileNotFoundException or ModelContractException or OnnxRuntimeException or DllNotFoundException)
                {
                    throw new ShiftSetupException(e.Message + (e is DllNotFoundException ? " (ONNX Runtime's native library comes with the NuGet package Microsoft.ML.OnnxRuntime.Gpu: restore with ./run.sh or scripts/setup.sh)" : string.Empty), e);
                }

            default:
                throw new ShiftSetupException($"unknown perception mode {o.Perception.Mode}");
        }
    }

    private static IShiftMotion BuildMotion(CellBackendContext context, SimShiftWorld world)
    {
        var o = context.Options;
        switch (o.Motion.Mode)
        {
            case MotionMode.Timed:
                return new TimedMotion(context.Clock, world);
            case MotionMode.Arm:
                try
                {
                    // Items are not solid to the arm: the world's outcome model decides what a primitive does to
                    // them (the contact model treats items as immovable, which would stop every sweep).
                    var arm = new SimArmMotion(world, context.Clock, new SimArmMotionOptions
                    {
                        Seed = o.Seed,
                        RateHz = o.Motion.RateHz,
                        ItemContact = false,
                        LiveSimConfigPath = string.IsNullOrEmpty(o.Motion.Hardware) ? null : Path.GetFullPath(Path.Combine(context.RepoRoot, o.Motion.Hardware)),
                    });
                    if (o.Motion.BeltJamAtStow > 0)
                    {
                        arm.InjectBeltJamAt(o.Motion.BeltJamAtStow);
                    }

                    if (o.Motion.EStopAtStow > 0)
                    {
                        arm.InjectEStopAt(o.Motion.EStopAtStow);
                    }

                    if (o.Motion.HeartbeatLossAtStow > 0)
                    {
                        arm.InjectHeartbeatLossAt(o.Motion.HeartbeatLossAtStow);
                    }

                    return arm;
                }
                catch (Exception e) when (e is InvalidOperationException or FormatException)
                {
                    throw new ShiftSetupException($"simulated hardware did not come up: {e.Message}", e);
                }

            default:
                throw new ShiftSetupException($"unknown motion mode {o.Motion.Mode}");
        }
    }

    /// <summary>Stops the simulated operator on dispose.</summary>
    private sealed class OperatorHandle(SimulatedOperator op) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => op.DisposeAsync();
    }
}
