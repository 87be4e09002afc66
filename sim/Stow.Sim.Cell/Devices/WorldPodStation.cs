using Stow.Hardware.Lifecycle;
using Stow.Hardware.PodStation;
using Stow.Sim.Cell.World;

namespace Stow.Sim.Cell.Devices;

/// <summary>
/// The simulated pod station as a HAL device, over the simulated world's stream of pods (<see cref="SimShiftWorld"/>):
/// it presents the world's pod at the station (its id; the pod type is the station's configured one), and a swap goes
/// Requested (<see cref="RequestSwap"/>) → InTransit at the next <see cref="Write"/> (pod absent, the drive unit takes it
/// away) → Arrived at the first <see cref="Read"/> <see cref="DriveTime"/> later, when the world's next pod (seeded
/// existing inventory) is at the station → Idle on <see cref="AcknowledgeArrival"/>. The world's contents stay on the
/// simulator's side. Threading: one thread (the simulator runs the shift and the loop on one). Lifecycle: commands are
/// refused unless Active; the state is readable in Inactive and Active.
/// </summary>
public sealed class WorldPodStation : CommandedComponent, IPodStation
{
    private readonly SimShiftWorld _world;
    private PodStationState _state;
    private bool _requested;
    private double _arrival = double.NaN;

    /// <summary>Creates the station, Unconfigured, with the world's current pod present on face 0.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="world">The simulated world whose pods the station presents.</param>
    /// <param name="driveTime">Time from a swap's start (the write after the request) to the next pod's arrival [s], ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="driveTime"/> is negative or not finite.</exception>
    public WorldPodStation(string name, SimShiftWorld world, double driveTime)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!(driveTime >= 0) || !double.IsFinite(driveTime))
        {
            throw new ArgumentOutOfRangeException(nameof(driveTime), driveTime, "drive-unit time must be finite and ≥ 0 s");
        }

        _world = world;
        DriveTime = driveTime;
        _state.Pod = world.Pod;
        _state.PodPresent = true;
    }

    /// <summary>The modelled drive-unit swap time [s].</summary>
    public double DriveTime { get; }

    /// <inheritdoc />
    public PodStationState State => _state;

    /// <inheritdoc />
    public CommandStatus RequestSwap()
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (_state.Swap != PodSwapPhase.Idle || _requested)
        {
            return CommandStatus.Invalid;
        }

        _requested = true;
        _state.Swap = PodSwapPhase.Requested;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc />
    public CommandStatus AcknowledgeArrival()
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (_state.Swap != PodSwapPhase.Arrived)
        {
            return CommandStatus.Invalid;
        }

        _state.Swap = PodSwapPhase.Idle;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc />
    public override HardwareResult Read(double time, double period)
    {
        if (!IsReadable)
        {
            return HardwareResult.Error;
        }

        // A tolerance of 1 µs: the arrival time is a sum of clock steps.
        if (_state.Swap == PodSwapPhase.InTransit && time >= _arrival - 1e-6)
        {
            _world.NextPod();
            _state.Pod = _world.Pod;
            _state.PodPresent = true;
            _state.Face = 0;
            _state.Swap = PodSwapPhase.Arrived;
        }

        _state.Stamp = time;
        return HardwareResult.Ok;
    }

    /// <inheritdoc />
    public override HardwareResult Write(double time, double period)
    {
        if (!IsReadable)
        {
            return HardwareResult.Error;
        }

        if (_requested)
        {
            _requested = false;
            _state.Swap = PodSwapPhase.InTransit;
            _state.PodPresent = false;
            _arrival = time + DriveTime;
        }

        return HardwareResult.Ok;
    }
}
