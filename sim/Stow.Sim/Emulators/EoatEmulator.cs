using Stow.Hardware.Modbus;
using Stow.Sim.Devices.Eoat;
using R = Stow.Hardware.Modbus.EoatRegisters;

namespace Stow.Sim.Emulators;

/// <summary>
/// EOAT controller emulator: serves the <see cref="EoatRegisters"/> map over a pty, backed by a <see cref="SimEoat"/>
/// (which moves the simulated world's held item and beams). ACTION bits: activate, go (apply the set-points), stop
/// (belts 0, paddles and spatula hold), reset fault (rising edge). Set-points the simulated EOAT refuses are not
/// applied (counted in <see cref="RefusedSetPoints"/>). Faults latched: watchdog (no WATCHDOG change for
/// <see cref="ModbusDeviceEmulator.WatchdogTimeout"/> while activated) and belt jam (the simulated EOAT's
/// <c>BeltJam</c> knob while a belt is commanded). Threading: as <see cref="ModbusDeviceEmulator"/>.
/// </summary>
public sealed class EoatEmulator : ModbusDeviceEmulator
{
    private const double HoldForce = 20;
    private ushort _action;
    private bool _activated;
    private bool _stopped = true;
    private ushort _fault;
    private ushort _sequence;
    private EoatCommandValues _setPoints;

    /// <summary>Creates the emulator around <paramref name="device"/> (configured and activated here).</summary>
    /// <param name="path">The emulator's end of the pty pair.</param>
    /// <param name="device">The simulated EOAT behind the registers.</param>
    /// <param name="unit">Modbus unit (default the map's factory unit).</param>
    /// <exception cref="InvalidOperationException">The simulated EOAT cannot be activated.</exception>
    public EoatEmulator(string path, SimEoat device, byte unit = R.DefaultUnit)
        : base(path, unit, R.StatusStart + R.StatusCount)
    {
        ArgumentNullException.ThrowIfNull(device);
        Device = device;
        if (device.LifecycleState == Stow.Hardware.Lifecycle.LifecycleState.Unconfigured)
        {
            device.Configure();
        }

        if (!device.IsActive && device.Activate() != Stow.Hardware.Lifecycle.CallbackReturn.Success)
        {
            throw new InvalidOperationException($"simulated EOAT '{device.Name}' did not activate: {device.LastError}");
        }

        _setPoints = new EoatCommandValues(device.State.PaddleGap, HoldForce, 0, 0, device.State.SpatulaExtension);
    }

    /// <summary>The simulated EOAT.</summary>
    public SimEoat Device { get; }

    /// <summary>Set-point writes the simulated EOAT refused (not applied).</summary>
    public long RefusedSetPoints { get; private set; }

    /// <summary>Latched fault code (<see cref="EoatRegisters.FaultNone"/> …).</summary>
    public ushort Fault => _fault;

    /// <summary>Latches a fault as the controller would (test hook).</summary>
    /// <param name="code">Fault code.</param>
    public void LatchFault(ushort code) => _fault = code;

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
            Halt();
            return;
        }

        if (!_activated)
        {
            _activated = true;
            KickWatchdog();
        }

        if (_fault != R.FaultNone || (action & R.ActionStop) != 0 || (action & R.ActionGo) == 0)
        {
            Halt();
            return;
        }

        _stopped = false;
        _setPoints = new EoatCommandValues(
            RegisterScaling.DecodeUnsigned(Server[R.PaddleGapSet], R.LengthResolution),
            RegisterScaling.DecodeUnsigned(Server[R.SqueezeForceLimit], R.ForceResolution),
            RegisterScaling.DecodeSigned(Server[R.LeftBeltSpeedSet], R.SpeedResolution),
            RegisterScaling.DecodeSigned(Server[R.RightBeltSpeedSet], R.SpeedResolution),
            RegisterScaling.DecodeUnsigned(Server[R.SpatulaExtensionSet], R.LengthResolution));
        if (Device.CommandPaddles(_setPoints.Gap, _setPoints.Force) != Stow.Hardware.Lifecycle.CommandStatus.Accepted |
            Device.CommandBelts(_setPoints.Left, _setPoints.Right) != Stow.Hardware.Lifecycle.CommandStatus.Accepted |
            Device.CommandSpatula(_setPoints.Spatula) != Stow.Hardware.Lifecycle.CommandStatus.Accepted)
        {
            RefusedSetPoints++;
        }
    }

    /// <inheritdoc/>
    protected override void StepCore(double time, double period)
    {
        Device.Write(time, period);
        var ok = Device.Read(time, period) == Stow.Hardware.Lifecycle.HardwareResult.Ok;
        var s = Device.State;
        if (_activated && _fault == R.FaultNone)
        {
            if (WatchdogExpired(time))
            {
                _fault = R.FaultWatchdog;
                Halt();
            }
            else if (Device.Faults.BeltJam && (_setPoints.Left != 0 || _setPoints.Right != 0) && !_stopped)
            {
                _fault = R.FaultBeltJam;
                Halt();
            }
        }

        if (!ok)
        {
            return; // the simulated controller lost its own sensors: the status block freezes (SEQUENCE stops).
        }

        ushort bits = 0;
        bits |= _activated ? R.StatusActivated : (ushort)0;
        bits |= Math.Abs(s.LeftBeltSpeed) > 0.005 || Math.Abs(s.RightBeltSpeed) > 0.005 ? R.StatusMoving : (ushort)0;
        bits |= Math.Abs(s.PaddleGap - _setPoints.Gap) < 0.001 || s.SqueezeForce > 0 ? R.StatusPaddlesAtTarget : (ushort)0;
        bits |= Math.Abs(s.SpatulaExtension - _setPoints.Spatula) < 0.001 ? R.StatusSpatulaAtTarget : (ushort)0;
        bits |= s.RearBeamBlocked ? R.StatusRearBeam : (ushort)0;
        bits |= s.FrontBeamBlocked ? R.StatusFrontBeam : (ushort)0;
        bits |= _fault != R.FaultNone ? R.StatusFault : (ushort)0;
        bits |= _stopped ? R.StatusStopped : (ushort)0;
        Server[R.Status] = bits;
        Server[R.Fault] = _fault;
        Server[R.PaddleGap] = Unsigned(s.PaddleGap, R.LengthResolution);
        Server[R.SqueezeForce] = Unsigned(s.SqueezeForce, R.ForceResolution);
        Server[R.LeftBeltSpeed] = Signed(s.LeftBeltSpeed, R.SpeedResolution);
        Server[R.RightBeltSpeed] = Signed(s.RightBeltSpeed, R.SpeedResolution);
        Server[R.LeftBeltCurrent] = Unsigned(s.LeftBeltCurrent, R.CurrentResolution);
        Server[R.RightBeltCurrent] = Unsigned(s.RightBeltCurrent, R.CurrentResolution);
        Server[R.SpatulaExtension] = Unsigned(s.SpatulaExtension, R.LengthResolution);
        Server[R.Sequence] = ++_sequence;
    }

    /// <summary>Belts to 0; paddles and spatula hold where they are.</summary>
    private void Halt()
    {
        _stopped = true;
        var s = Device.State;
        _setPoints = _setPoints with { Left = 0, Right = 0 };
        Device.CommandBelts(0, 0);
        Device.CommandPaddles(Math.Max(0, s.PaddleGap), _setPoints.Force > 0 ? _setPoints.Force : HoldForce);
        Device.CommandSpatula(Math.Max(0, s.SpatulaExtension));
    }

    /// <summary>A measured value in counts, saturated at the register's range (a controller's ADC saturates too).</summary>
    private static ushort Unsigned(double value, double resolution) =>
        (ushort)Math.Clamp(Math.Round(value / resolution), 0, ushort.MaxValue);

    private static ushort Signed(double value, double resolution) =>
        unchecked((ushort)(short)Math.Clamp(Math.Round(value / resolution), short.MinValue, short.MaxValue));

    private readonly record struct EoatCommandValues(double Gap, double Force, double Left, double Right, double Spatula);
}
