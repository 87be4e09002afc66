using Stow.Hardware.Lifecycle;
using Stow.Hardware.Safety;
using Stow.Sim.Devices.Faults;

namespace Stow.Sim.Devices.Safety;

/// <summary>
/// Simulated safety controller. The e-stop chain and guard door come from <see cref="SimCell"/>
/// (<see cref="PressEStop"/>, <see cref="OpenGuardDoor"/> for tests); every <c>Write</c> is a heartbeat, and
/// the heartbeat is lost when none arrived for <see cref="HeartbeatTimeout"/>.
/// Threading: <see cref="PressEStop"/> and friends may be called from any thread; the rest as <see cref="ISafety"/>.
/// </summary>
public sealed class SimSafety : CommandedComponent, ISafety
{
    private readonly SimCell _cell;
    private SafetyState _state;
    private double _lastBeat = double.NaN;
    private long _beats;

    /// <summary>Creates the device, Unconfigured.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="cell">Shared simulation state.</param>
    /// <param name="heartbeatTimeout">Heartbeat timeout [s] (assumed: 50 cycles at 1 kHz).</param>
    /// <param name="faults">Fault knobs (null: none).</param>
    public SimSafety(string name, SimCell cell, double heartbeatTimeout = 0.05, SimFaultKnobs? faults = null)
        : base(name)
    {
        _cell = cell;
        HeartbeatTimeout = heartbeatTimeout;
        Faults = faults ?? new SimFaultKnobs();
    }

    /// <summary>Heartbeat timeout [s].</summary>
    public double HeartbeatTimeout { get; }

    /// <summary>Fault knobs.</summary>
    public SimFaultKnobs Faults { get; }

    /// <inheritdoc/>
    public SafetyState State => _state;

    /// <summary>Presses an e-stop button (opens the chain, latches a protective stop until <see cref="RequestReset"/>). Any thread.</summary>
    public void PressEStop()
    {
        _cell.EStopPressed = true;
        _cell.ProtectiveStop = true;
    }

    /// <summary>Releases the e-stop button; a protective-stop reset is still needed. Any thread.</summary>
    public void ReleaseEStop() => _cell.EStopPressed = false;

    /// <summary>Opens or closes the guard door. Any thread.</summary>
    /// <param name="open">True to open.</param>
    public void OpenGuardDoor(bool open) => _cell.GuardDoorOpen = open;

    /// <inheritdoc/>
    public CommandStatus RequestProtectiveStop()
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        _cell.ProtectiveStop = true;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc/>
    public CommandStatus RequestReset()
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (_cell.EStopPressed)
        {
            return CommandStatus.Stopped;
        }

        _cell.ProtectiveStop = false;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc/>
    public override HardwareResult Read(double time, double period)
    {
        if (Faults.CommsLoss)
        {
            return HardwareResult.Error;
        }

        if (double.IsNaN(_lastBeat))
        {
            _lastBeat = time;
        }

        if (Faults.FreezeSensor)
        {
            return HardwareResult.Ok;
        }

        _state.EStopChainClosed = !_cell.EStopPressed;
        _state.GuardDoorClosed = !_cell.GuardDoorOpen;
        _state.ProtectiveStop = _cell.ProtectiveStop || _cell.EStopPressed;
        _state.HeartbeatOk = time - _lastBeat <= HeartbeatTimeout;
        _state.HeartbeatCount = _beats;
        _state.Stamp = time;
        return HardwareResult.Ok;
    }

    /// <inheritdoc/>
    public override HardwareResult Write(double time, double period)
    {
        if (Faults.CommsLoss)
        {
            return HardwareResult.Error;
        }

        if (!Faults.DropCommands)
        {
            _lastBeat = time;
            _beats++;
        }

        return HardwareResult.Ok;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnActivate()
    {
        _lastBeat = double.NaN;
        return CallbackReturn.Success;
    }
}
