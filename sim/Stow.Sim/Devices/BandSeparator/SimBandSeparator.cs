using Stow.Core.Ids;
using Stow.Hardware.BandSeparator;
using Stow.Hardware.Lifecycle;
using Stow.Sim.Devices.Faults;

namespace Stow.Sim.Devices.BandSeparator;

/// <summary>
/// Simulated band separator: Engage → Engaging for <see cref="EngageTime"/> → Engaged (the bin's bands are
/// then drawn aside by the simulated cameras through <see cref="SimCell.EngagedBin"/>); Release → Releasing for
/// <see cref="ReleaseTime"/> → Idle. Times are assumptions (a pneumatic hook stroke).
/// Threading and lifecycle: as <see cref="IBandSeparator"/>.
/// </summary>
public sealed class SimBandSeparator : CommandedComponent, IBandSeparator
{
    private readonly SimCell _cell;
    private BandSeparatorState _state;
    private BandSeparatorPhase _phase;
    private BinId _bin;
    private bool _engageRequested;
    private bool _releaseRequested;
    private double _phaseEnd = double.NaN;

    /// <summary>Creates the device, Unconfigured.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="cell">Shared simulation state.</param>
    /// <param name="engageTime">Engaging duration [s].</param>
    /// <param name="releaseTime">Releasing duration [s].</param>
    /// <param name="faults">Fault knobs (null: none).</param>
    public SimBandSeparator(string name, SimCell cell, double engageTime = 0.8, double releaseTime = 0.5, SimFaultKnobs? faults = null)
        : base(name)
    {
        _cell = cell;
        EngageTime = engageTime;
        ReleaseTime = releaseTime;
        Faults = faults ?? new SimFaultKnobs();
    }

    /// <summary>Engaging duration [s].</summary>
    public double EngageTime { get; }

    /// <summary>Releasing duration [s].</summary>
    public double ReleaseTime { get; }

    /// <summary>Fault knobs.</summary>
    public SimFaultKnobs Faults { get; }

    /// <inheritdoc/>
    public BandSeparatorState State => _state;

    /// <inheritdoc/>
    public CommandStatus Engage(BinId bin)
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (_phase != BandSeparatorPhase.Idle || _engageRequested)
        {
            return CommandStatus.Invalid;
        }

        _bin = bin;
        _engageRequested = true;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc/>
    public CommandStatus Release()
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (_phase is not (BandSeparatorPhase.Engaging or BandSeparatorPhase.Engaged) && !_engageRequested)
        {
            return CommandStatus.Invalid;
        }

        _releaseRequested = true;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc/>
    public override HardwareResult Read(double time, double period)
    {
        if (Faults.CommsLoss)
        {
            return HardwareResult.Error;
        }

        if (time >= _phaseEnd)
        {
            _phaseEnd = double.NaN;
            if (_phase == BandSeparatorPhase.Engaging)
            {
                _phase = BandSeparatorPhase.Engaged;
                _cell.EngagedBin = _bin;
            }
            else if (_phase == BandSeparatorPhase.Releasing)
            {
                _phase = BandSeparatorPhase.Idle;
            }
        }

        if (!Faults.FreezeSensor)
        {
            _state.Phase = _phase;
            _state.Bin = _bin;
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
            _engageRequested = false;
            _releaseRequested = false;
            return HardwareResult.Ok;
        }

        if (_releaseRequested)
        {
            _releaseRequested = false;
            _engageRequested = false;
            _phase = BandSeparatorPhase.Releasing;
            _cell.EngagedBin = null;
            _phaseEnd = time + ReleaseTime;
        }
        else if (_engageRequested)
        {
            _engageRequested = false;
            _phase = BandSeparatorPhase.Engaging;
            _phaseEnd = time + EngageTime;
        }

        return HardwareResult.Ok;
    }
}
