using Stow.Core.Ids;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.PodStation;
using Stow.Sim.Devices.Faults;

namespace Stow.Sim.Devices.PodStation;

/// <summary>
/// Simulated pod station: presents pods from a fixed list in turn. A swap request goes Requested →
/// InTransit (pod absent) at the next write, then Arrived after <see cref="SwapTime"/>, then Idle on
/// acknowledgement. Threading and lifecycle: as <see cref="IPodStation"/>.
/// </summary>
public sealed class SimPodStation : CommandedComponent, IPodStation
{
    private readonly PodId[] _pods;
    private PodStationState _state;
    private int _index;
    private bool _swapRequested;
    private bool _ackRequested;
    private double _arrival = double.NaN;

    /// <summary>Creates the station, Unconfigured, with the first pod present on face 0.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="pods">Pods presented in turn (cycled), at least one.</param>
    /// <param name="swapTime">Time from leaving to arrival [s] (assumed drive-unit swap time).</param>
    /// <param name="faults">Fault knobs (null: none).</param>
    public SimPodStation(string name, IReadOnlyList<PodId> pods, double swapTime = 10, SimFaultKnobs? faults = null)
        : base(name)
    {
        if (pods.Count == 0)
        {
            throw new ArgumentException("at least one pod id is needed", nameof(pods));
        }

        _pods = [.. pods];
        SwapTime = swapTime;
        Faults = faults ?? new SimFaultKnobs();
        _state.PodPresent = true;
        _state.Pod = _pods[0];
    }

    /// <summary>Swap duration [s].</summary>
    public double SwapTime { get; }

    /// <summary>Fault knobs.</summary>
    public SimFaultKnobs Faults { get; }

    /// <inheritdoc/>
    public PodStationState State => _state;

    /// <inheritdoc/>
    public CommandStatus RequestSwap()
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (_state.Swap != PodSwapPhase.Idle || _swapRequested)
        {
            return CommandStatus.Invalid;
        }

        _swapRequested = true;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc/>
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

        _ackRequested = true;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc/>
    public override HardwareResult Read(double time, double period)
    {
        if (Faults.CommsLoss)
        {
            return HardwareResult.Error;
        }

        if (_state.Swap == PodSwapPhase.InTransit && time >= _arrival)
        {
            _index = (_index + 1) % _pods.Length;
            _state.Pod = _pods[_index];
            _state.PodPresent = true;
            _state.Face = 0;
            _state.Swap = PodSwapPhase.Arrived;
        }

        if (!Faults.FreezeSensor)
        {
            _state.Stamp = time;
        }

        return HardwareResult.Ok;
    }

    /// <inheritdoc/>
    public override HardwareResult Write(double time, double period)
    {
        if (Faults.CommsLoss)
        {
            return HardwareResult.Error;
        }

        if (Faults.DropCommands)
        {
            _swapRequested = _ackRequested = false;
            return HardwareResult.Ok;
        }

        if (_swapRequested)
        {
            _swapRequested = false;
            _state.Swap = PodSwapPhase.InTransit;
            _state.PodPresent = false;
            _arrival = time + SwapTime;
        }

        if (_ackRequested)
        {
            _ackRequested = false;
            _state.Swap = PodSwapPhase.Idle;
        }

        return HardwareResult.Ok;
    }
}
