using Microsoft.Extensions.Logging.Abstractions;
using Stow.Cell.Backends;
using Stow.Cell.Backends.Hal;
using Stow.Cell.Execution;
using Stow.Cell.Hosting;
using Stow.Cell.Perception;
using Stow.Cell.Tests.Support;
using Stow.Core.Pods;
using Stow.Core.Time;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Hardware.Cameras;
using Stow.Hardware.Induct;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.PodStation;
using Stow.Sim.Cell.Devices;
using Stow.Sim.Cell.Backend;

namespace Stow.Cell.Tests.Backends;

/// <summary>
/// What the simulator backend hands the shift: HAL devices the cell's own code runs on (cameras read by the cell's
/// <see cref="CameraPerception"/>), not a perception of its own.
/// </summary>
public class SimBackendDevicesTests
{
    [Fact(Timeout = 120_000)]
    public async Task Onnx_Perception_Is_The_Cells_Own_On_The_Simulators_Hal_Cameras()
    {
        await Task.Yield();
        using var backend = Create(PerceptionMode.Onnx, cameras: 3);

        // The shift's perception is the cell's type, over HAL cameras only.
        var perception = Assert.IsType<CameraPerception>(backend.Perception);
        Assert.Equal(typeof(CameraPerception).Assembly, perception.GetType().Assembly);
        Assert.Equal(3, perception.Cameras.Count);
        Assert.All(perception.Cameras, c => Assert.IsAssignableFrom<ICamera>(c));
        Assert.True(perception.SeesStowedItems);

        var estimate = perception.Perceive(0);

        Assert.Equal(backend.World.PodType.Bins.Count, estimate.Bins.Count);
        Assert.Equal(backend.World.Pod, estimate.Pod);
        Assert.All(perception.Cameras, c => Assert.True(c.LatestFrame.Sequence > 0, $"camera {c.Name} captured a frame"));
        // The pod arrives empty (no catalogue to prefill from): the cell sees most of every bin's volume free.
        var volume = backend.World.PodType.Bins.Sum(b => b.Volume);
        Assert.InRange(estimate.Bins.Sum(b => b.FreeVolume), 0.5 * volume, 1.05 * volume);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_Bin_Is_Re_Perceived_From_One_Capture_Of_Its_Own_Camera()
    {
        await Task.Yield();
        using var backend = Create(PerceptionMode.Onnx, cameras: 3);
        var perception = Assert.IsType<CameraPerception>(backend.Perception);
        var top = backend.World.PodType.Bins.OrderByDescending(b => b.Origin.Z).First();
        var before = perception.Cameras.Select(c => c.LatestFrame.Sequence).ToArray();

        perception.PerceiveBin(top.Id, 0);

        var captured = perception.Cameras.Where((c, i) => c.LatestFrame.Sequence != before[i]).ToArray();
        var camera = Assert.Single(captured);
        // The top row is seen by the highest camera of the tower.
        Assert.Equal(perception.Cameras.Max(c => c.Extrinsics.Position.Z), camera.Extrinsics.Position.Z);
    }

    [Fact(Timeout = 60_000)]
    public async Task Items_Arrive_Through_The_Hal_Induct_With_Measured_Dimensions_And_Mass()
    {
        await Task.Yield();
        using var backend = Create(PerceptionMode.GroundTruth, cameras: 1);
        var sim = Assert.IsType<SimCellBackend>(backend);
        var catalogue = Enumerable.Range(0, 20)
            .Select(i => new Item(new ItemId($"i-{i}"), "box", new ItemDimensions(0.1 + (0.01 * i), 0.08, 0.05), 0.2 + (0.05 * i), PackagingClass.Box, false, "test", "test"))
            .ToArray();

        var scanned = backend.Scan(catalogue);

        var buffer = new ScannedItem[sim.Induct.Count];
        Assert.Equal(catalogue.Length, sim.Induct.CopyItems(buffer));
        for (var i = 0; i < catalogue.Length; i++)
        {
            // The cell's item is the induct's report: same id, the scan's dimensions and mass, not the catalogue's.
            Assert.Equal(catalogue[i].Id, scanned[i].Id);
            Assert.Equal(buffer[i].Id, scanned[i].Id);
            Assert.Equal(buffer[i].Measured, scanned[i].Dimensions);
            Assert.Equal(buffer[i].MeasuredMass, scanned[i].Mass);
        }

        Assert.Contains(scanned, s => s.Dimensions != catalogue.First(c => c.Id == s.Id).Dimensions);
        Assert.Contains(scanned, s => s.Mass != catalogue.First(c => c.Id == s.Id).Mass);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_Shift_Swaps_Pods_Through_The_Hal_Pod_Station_After_The_Drive_Unit_Time()
    {
        await Task.Yield();
        var clock = new VirtualClock();
        using var backend = Create(PerceptionMode.GroundTruth, cameras: 1, clock);
        var world = Assert.IsType<HalShiftWorld>(backend.World);
        var station = Assert.IsType<WorldPodStation>(world.Station);
        var first = world.Pod;
        var arrived = new List<PodId>();
        backend.PodArrived += (_, p) => arrived.Add(p);

        world.NextPod();

        Assert.NotEqual(first, world.Pod);
        Assert.Equal(world.Pod, station.State.Pod);
        Assert.Equal(PodSwapPhase.Idle, station.State.Swap);
        Assert.True(station.State.PodPresent);
        Assert.Equal(new[] { world.Pod }, arrived);
        // The drive unit's time passed on the shift's clock (polled every 0.1 s).
        Assert.InRange(clock.Now, station.DriveTime, station.DriveTime + 0.1 + 1e-9);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_Station_That_Never_Reports_The_Arrival_Fails_The_Swap_Naming_It()
    {
        await Task.Yield();
        var clock = new VirtualClock();
        var type = PodTypeLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));
        // An operator-reported station never reports Arrived by itself: driven as a drive unit, the wait times out.
        var station = new OperatorPodStation("stuck", ["P-1"], "P");
        Assert.Equal(CallbackReturn.Success, station.Configure());
        Assert.Equal(CallbackReturn.Success, station.Activate());
        var world = new HalShiftWorld(type, station, clock, clock.Advance, poll: 1, timeout: 30);

        var e = Assert.Throws<InvalidOperationException>(world.NextPod);

        Assert.Contains("'stuck'", e.Message, StringComparison.Ordinal);
        Assert.Contains("no arrival within 30 s", e.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Now, 30, 32);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_Simulated_Pod_Station_Refuses_Commands_Unless_Active_And_A_Second_Swap_While_One_Runs()
    {
        await Task.Yield();
        using var backend = Create(PerceptionMode.GroundTruth, cameras: 1);
        var station = Assert.IsType<WorldPodStation>(Assert.IsType<HalShiftWorld>(backend.World).Station);

        Assert.Equal(CommandStatus.Invalid, station.AcknowledgeArrival());
        Assert.Equal(CommandStatus.Accepted, station.RequestSwap());
        Assert.Equal(CommandStatus.Invalid, station.RequestSwap());
        Assert.Equal(CallbackReturn.Success, station.Deactivate());
        Assert.Equal(CommandStatus.NotActive, station.RequestSwap());
    }

    [Fact(Timeout = 120_000)]
    public async Task The_Simulator_Backend_Hands_The_Shift_Only_The_Cells_Own_Code_On_Hal_Devices_And_The_Scorer()
    {
        await Task.Yield();
        var type = PodTypeLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));
        var options = new CellOptions();
        options.Motion.Mode = MotionMode.Arm;
        using var backend = new SimCellBackendFactory().Create(new CellBackendContext(options, type, [], new VirtualClock(), NullLoggerFactory.Instance, TestPaths.RepoRoot));
        var cell = typeof(CameraPerception).Assembly;
        var sim = typeof(SimCellBackend).Assembly;

        // The pod side: the cell's HalShiftWorld over a HAL pod station.
        var world = Assert.IsType<HalShiftWorld>(backend.World);
        Assert.Same(cell, world.GetType().Assembly);
        Assert.IsAssignableFrom<IPodStation>(world.Station);
        // Perception: the cell's CameraPerception over HAL cameras.
        var perception = Assert.IsType<CameraPerception>(backend.Perception);
        Assert.All(perception.Cameras, c => Assert.IsAssignableFrom<ICamera>(c));
        // Items: the HAL induct buffer.
        Assert.IsAssignableFrom<IInductBuffer>(Assert.IsType<SimCellBackend>(backend).Induct);
        // The simulator's own parts the shift may see: the truth scorer (and the simulated operator, over MQTT).
        Assert.Same(sim, Assert.IsAssignableFrom<Stow.Cell.Outcomes.IAttemptScorer>(backend.Scorer).GetType().Assembly);
        // Motion: the cell's own stow execution (HalStowMotion) on simulated HAL devices.
        var motion = Assert.IsType<HalStowMotion>(backend.Motion);
        Assert.Same(cell, motion.GetType().Assembly);
        var devices = motion.Hardware.Components;
        Assert.Contains(devices, c => c is Stow.Hardware.Arm.IArm);
        Assert.Contains(devices, c => c is Stow.Hardware.Eoat.IEoat);
        Assert.Contains(devices, c => c is Stow.Hardware.BandSeparator.IBandSeparator);
        Assert.Contains(devices, c => c is Stow.Hardware.Safety.ISafety);
    }

    /// <summary>A simulator backend for fabric-40 with timed motion (no arm), built as the host builds it.</summary>
    internal static ICellBackend Create(PerceptionMode mode, int cameras, VirtualClock? clock = null)
    {
        var type = PodTypeLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "pods", "fabric-40.json"));
        var options = new CellOptions();
        options.Perception.Mode = mode;
        options.Perception.Cameras = cameras;
        options.Motion.Mode = MotionMode.Timed;
        return new SimCellBackendFactory().Create(new CellBackendContext(options, type, [], clock ?? new VirtualClock(), NullLoggerFactory.Instance, TestPaths.RepoRoot));
    }
}
