using Stow.Core.Ids;
using Stow.Hardware.BandSeparator;
using Stow.Hardware.Lifecycle;
using Stow.Sim.Devices.BandSeparator;
using R = Stow.Hardware.Modbus.BandSeparatorRegisters;

namespace Stow.Sim.Emulators;

/// <summary>
/// Band-separator controller emulator: serves the <see cref="Stow.Hardware.Modbus.BandSeparatorRegisters"/> map over
/// a pty, backed by a <see cref="SimBandSeparator"/> (whose engaged bin the simulated cameras see). ACTION bits:
/// activate, engage the target bin (rising edge, idle only), release (rising edge), reset fault (rising edge). A
/// target outside <see cref="MaxRows"/> × <see cref="MaxColumns"/> latches the bad-target fault; a silent host latches
/// the watchdog fault. Hook stroke and motor current are nominal values per phase (assumptions: 40 mm stroke,
/// 0.8 A while moving, 0.05 A idle). Threading: as <see cref="ModbusDeviceEmulator"/>.
/// </summary>
public sealed class BandSeparatorEmulator : ModbusDeviceEmulator
{
    private ushort _action;
    private bool _activated;
    private ushort _fault;
    private ushort _sequence;

    /// <summary>Creates the emulator around <paramref name="device"/> (configured and activated here).</summary>
    /// <param name="path">The emulator's end of the pty pair.</param>
    /// <param name="device">The simulated band separator.</param>
    /// <param name="unit">Modbus unit (default the map's factory unit).</param>
    /// <exception cref="InvalidOperationException">The simulated device cannot be activated.</exception>
    public BandSeparatorEmulator(string path, SimBandSeparator device, byte unit = R.DefaultUnit)
        : base(path, unit, R.StatusStart + R.StatusCount)
    {
        ArgumentNullException.ThrowIfNull(device);
        Device = device;
        if (device.LifecycleState == LifecycleState.Unconfigured)
        {
            device.Configure();
        }

        if (!device.IsActive && device.Activate() != CallbackReturn.Success)
        {
            throw new InvalidOperationException($"simulated band separator '{device.Name}' did not activate: {device.LastError}");
        }
    }

    /// <summary>The simulated band separator.</summary>
    public SimBandSeparator Device { get; }

    /// <summary>Rows of the pod face (targets beyond latch the bad-target fault).</summary>
    public int MaxRows { get; init; } = 26;

    /// <summary>Columns of the pod face.</summary>
    public int MaxColumns { get; init; } = 16;

    /// <summary>Engage or release requests the simulated device refused (wrong phase).</summary>
    public long RefusedRequests { get; private set; }

    /// <summary>Latched fault code.</summary>
    public ushort Fault => _fault;

    /// <inheritdoc/>
    protected override ushort WatchdogRegister => R.Watchdog;

    /// <inheritdoc/>
    protected override void OnCommandWritten(int address, int count, bool watchdogChanged)
    {
        var action = Server[R.Action];
        var rising = (ushort)(action & ~_action);
        _action = action;
        if ((rising & R.ActionResetFault) != 0)
        {
            _fault = R.FaultNone;
        }

        if ((action & R.ActionActivate) == 0)
        {
            _activated = false;
            return;
        }

        if (!_activated)
        {
            _activated = true;
            KickWatchdog();
        }

        if (_fault != R.FaultNone)
        {
            return;
        }

        if ((rising & R.ActionRelease) != 0)
        {
            RefusedRequests += Device.Release() == CommandStatus.Accepted ? 0 : 1;
        }
        else if ((rising & R.ActionEngage) != 0)
        {
            int row = Server[R.TargetRow];
            int column = Server[R.TargetColumn];
            if (row >= MaxRows || column >= MaxColumns)
            {
                _fault = R.FaultBadTarget;
                return;
            }

            RefusedRequests += Device.Engage(new BinId(row, column)) == CommandStatus.Accepted ? 0 : 1;
        }
    }

    /// <inheritdoc/>
    protected override void StepCore(double time, double period)
    {
        Device.Write(time, period);
        if (Device.Read(time, period) != HardwareResult.Ok)
        {
            return; // the simulated controller lost its sensors: the status block freezes.
        }

        if (_activated && _fault == R.FaultNone && WatchdogExpired(time))
        {
            _fault = R.FaultWatchdog;
        }

        var s = Device.State;
        var engaged = s.Phase == BandSeparatorPhase.Engaged;
        var moving = s.Phase is BandSeparatorPhase.Engaging or BandSeparatorPhase.Releasing;
        ushort bits = 0;
        bits |= _activated ? R.StatusActivated : (ushort)0;
        bits |= engaged ? R.StatusEngaged : (ushort)0;
        bits |= _fault != R.FaultNone ? R.StatusFault : (ushort)0;
        Server[R.Status] = bits;
        Server[R.Phase] = _fault != R.FaultNone ? (ushort)BandSeparatorPhase.Fault : (ushort)s.Phase;
        Server[R.Fault] = _fault;
        Server[R.Row] = (ushort)Math.Clamp(s.Bin.Row, 0, ushort.MaxValue);
        Server[R.Column] = (ushort)Math.Clamp(s.Bin.Column, 0, ushort.MaxValue);
        Server[R.HookPosition] = engaged ? (ushort)400 : moving ? (ushort)200 : (ushort)0;
        Server[R.MotorCurrent] = moving ? (ushort)800 : (ushort)50;
        Server[R.Sequence] = ++_sequence;
    }
}
