using System.Diagnostics;
using Stow.Hardware.Eoat;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Modbus;
using R = Stow.Hardware.Modbus.EoatRegisters;

namespace Stow.Hardware.Drivers;

/// <summary>
/// EOAT driver over Modbus RTU (register map <see cref="EoatRegisters"/>, <c>docs/modbus-register-maps.md</c>).
/// Configure opens the serial port; Activate checks that the controller's heartbeat (SEQUENCE) advances, clears a latched
/// fault with one reset edge (activation is the operator's reset; a fault that stays fails it), then activates it
/// holding its present position with belts at 0; Deactivate writes stop (belts 0, hold).
/// Each <c>Read</c> is one 0x03 poll of the status block; each <c>Write</c> one 0x10 write of the command block with an
/// incremented watchdog. Both run on the calling (control) thread and take at most
/// (retries + 1) × response timeout; they return codes and never throw.
/// </summary>
/// <remarks>
/// Safety: a set-point that is out of range or not finite is refused by the command call; a status sample with a
/// valid CRC but an implausible value (outside the device's range, unknown fault code) is refused, counted in
/// <see cref="RejectedSamples"/>, and the Read returns <see cref="HardwareResult.Error"/> (the manager's error path
/// stops the device and the cell holds); a device-latched fault does the same. A transient line error keeps the last
/// sample (its <see cref="EoatState.Stamp"/> does not advance) and is retried next cycle; persistent line errors fault
/// the master (<see cref="IsCommFaulted"/>) and every cycle returns Error. Threading: as <see cref="IEoat"/>.
/// </remarks>
public sealed class ModbusEoat : CommandedComponent, IEoat
{
    private readonly ModbusDeviceLink _link;
    private readonly ushort[] _status = new ushort[R.StatusCount];
    private readonly ushort[] _command = new ushort[R.CommandCount];
    private EoatCommand _pending;
    private EoatState _state;
    private ushort _watchdog;

    /// <summary>Creates the driver, Unconfigured; nothing is opened yet.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="options">Line, unit and timing.</param>
    /// <param name="limits">Device ranges used to refuse commands and implausible samples (null: defaults).</param>
    public ModbusEoat(string name, ModbusDeviceOptions options, ModbusEoatLimits? limits = null)
        : base(name)
    {
        Options = options;
        Limits = limits ?? new ModbusEoatLimits();
        _link = new ModbusDeviceLink(options);
    }

    /// <summary>Line, unit and timing.</summary>
    public ModbusDeviceOptions Options { get; }

    /// <summary>Device ranges.</summary>
    public ModbusEoatLimits Limits { get; }

    /// <inheritdoc/>
    public EoatState State => _state;

    /// <summary>The master's counters per outcome (null before the first Configure; kept after a fault closed the line).</summary>
    public ModbusStatistics? Statistics => _link.Statistics;

    /// <summary>True when persistent line errors faulted the master (cleared by the error path and a new Configure).</summary>
    public bool IsCommFaulted => _link.IsFaulted;

    /// <summary>Transactions that failed after their retries (transient or faulting).</summary>
    public long FailedTransactions => _link.FailedTransactions;

    /// <summary>Exception responses (the controller refused a request).</summary>
    public long ExceptionResponses => _link.ExceptionResponses;

    /// <summary>
    /// Why the last lifecycle transition failed, in detail (device path, failing call, what the controller reported);
    /// <see cref="Lifecycle.HardwareComponent.LastError"/> then holds the lifecycle's generic text.
    /// </summary>
    public string TransitionError { get; private set; } = string.Empty;

    /// <inheritdoc/>
    protected override string FailureDetail => TransitionError;

    /// <summary>Status samples refused as implausible (never used for state or motion).</summary>
    public long RejectedSamples { get; private set; }

    /// <summary>Last fault code the controller reported (<see cref="EoatRegisters.FaultNone"/> …).</summary>
    public ushort DeviceFault { get; private set; }

    /// <summary>Raw STATUS bits of the last accepted sample.</summary>
    public ushort StatusBits { get; private set; }

    /// <inheritdoc/>
    public CommandStatus CommandPaddles(double gap, double squeezeForceLimit)
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (!(gap >= 0 && gap <= Limits.MaxPaddleGap) || !(squeezeForceLimit >= 0 && squeezeForceLimit <= Limits.MaxSqueezeForce) ||
            !RegisterScaling.TryEncodeUnsigned(gap, R.LengthResolution, out _) ||
            !RegisterScaling.TryEncodeUnsigned(squeezeForceLimit, R.ForceResolution, out _))
        {
            return CommandStatus.Invalid;
        }

        _pending.PaddleGap = gap;
        _pending.SqueezeForceLimit = squeezeForceLimit;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc/>
    public CommandStatus CommandBelts(double left, double right)
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (!(Math.Abs(left) <= Limits.MaxBeltSpeed) || !(Math.Abs(right) <= Limits.MaxBeltSpeed) ||
            !RegisterScaling.TryEncodeSigned(left, R.SpeedResolution, out _) || !RegisterScaling.TryEncodeSigned(right, R.SpeedResolution, out _))
        {
            return CommandStatus.Invalid;
        }

        _pending.LeftBeltSpeed = left;
        _pending.RightBeltSpeed = right;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc/>
    public CommandStatus CommandSpatula(double extension)
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (!(extension >= 0 && extension <= Limits.MaxSpatulaExtension) || !RegisterScaling.TryEncodeUnsigned(extension, R.LengthResolution, out _))
        {
            return CommandStatus.Invalid;
        }

        _pending.SpatulaExtension = extension;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc/>
    public override HardwareResult Read(double time, double period)
    {
        switch (_link.Read(R.StatusStart, _status))
        {
            case LinkOutcome.Ok:
                break;
            case LinkOutcome.Transient:
                return HardwareResult.Ok;
            case LinkOutcome.Refused:
                LastError = "EOAT controller refused the status poll (exception response)";
                return HardwareResult.Error;
            default:
                LastError = "EOAT serial line faulted (persistent Modbus errors)";
                return HardwareResult.Error;
        }

        if (!Accept(_status, time))
        {
            RejectedSamples++;
            LastError = "EOAT status sample out of range: refused";
            return HardwareResult.Error;
        }

        if ((StatusBits & R.StatusFault) != 0)
        {
            LastError = "EOAT controller reports a latched fault";
            return HardwareResult.Error;
        }

        return HardwareResult.Ok;
    }

    /// <inheritdoc/>
    public override HardwareResult Write(double time, double period)
    {
        if (!IsActive)
        {
            return HardwareResult.Ok;
        }

        if (!Encode(_pending, R.ActionActivate | R.ActionGo))
        {
            LastError = "EOAT command does not fit its registers: refused";
            return HardwareResult.Error;
        }

        switch (_link.Write(R.CommandStart, _command))
        {
            case LinkOutcome.Ok:
            case LinkOutcome.Transient:
                return HardwareResult.Ok;
            case LinkOutcome.Refused:
                LastError = "EOAT controller refused the command block (exception response)";
                return HardwareResult.Error;
            default:
                LastError = "EOAT serial line faulted (persistent Modbus errors)";
                return HardwareResult.Error;
        }
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnConfigure()
    {
        if (!_link.TryOpen(out var error))
        {
            TransitionError = error;
            return CallbackReturn.Failure;
        }

        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnActivate()
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Options.ActivateTimeout.TotalSeconds * Stopwatch.Frequency);
        if (!WaitForHeartbeat(deadline, out var error))
        {
            TransitionError = error;
            return CallbackReturn.Failure;
        }

        _pending = new EoatCommand
        {
            PaddleGap = Math.Min(_state.PaddleGap, Limits.MaxPaddleGap),
            SqueezeForceLimit = Limits.DefaultSqueezeForce,
            SpatulaExtension = Math.Min(_state.SpatulaExtension, Limits.MaxSpatulaExtension),
        };
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (Encode(_pending, R.ActionActivate | R.ActionGo) && _link.Write(R.CommandStart, _command) == LinkOutcome.Ok &&
                _link.Read(R.StatusStart, _status) == LinkOutcome.Ok && (_status[0] & R.StatusActivated) != 0)
            {
                return CallbackReturn.Success;
            }

            if (_link.IsFaulted)
            {
                break;
            }
        }

        TransitionError = $"EOAT controller on {Options.Line.Device} did not report activated within {Options.ActivateTimeout.TotalSeconds} s";
        return CallbackReturn.Failure;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnDeactivate()
    {
        SendStop();
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnCleanup()
    {
        _link.Close();
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnShutdown()
    {
        SendStop();
        _link.Close();
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnError()
    {
        SendStop();
        _link.Close();
        return CallbackReturn.Success;
    }

    /// <summary>Best effort: belts 0, paddles and spatula hold (the controller's watchdog stops it anyway within 200 ms).</summary>
    private void SendStop()
    {
        _pending.LeftBeltSpeed = 0;
        _pending.RightBeltSpeed = 0;
        if (_link.IsOpen && !_link.IsFaulted && Encode(_pending, R.ActionActivate | R.ActionStop))
        {
            _link.Write(R.CommandStart, _command);
        }
    }

    private bool WaitForHeartbeat(long deadline, out string error)
    {
        int? first = null;
        var resetSent = false;
        while (Stopwatch.GetTimestamp() < deadline && !_link.IsFaulted)
        {
            if (_link.Read(R.StatusStart, _status) != LinkOutcome.Ok)
            {
                continue;
            }

            if (!Accept(_status, 0))
            {
                RejectedSamples++;
                error = $"EOAT controller on {Options.Line.Device} sent an out-of-range status sample";
                return false;
            }

            if ((StatusBits & R.StatusFault) != 0)
            {
                // Activation is the operator's reset: one rising edge of the reset bit (belts 0), then the fault must be gone.
                if (resetSent)
                {
                    first = null;
                    continue; // the controller clears it on its next update; wait until the deadline.
                }

                var hold = new EoatCommand { PaddleGap = _state.PaddleGap, SqueezeForceLimit = Limits.DefaultSqueezeForce, SpatulaExtension = _state.SpatulaExtension };
                resetSent = Encode(hold, R.ActionStop) && _link.Write(R.CommandStart, _command) == LinkOutcome.Ok &&
                    Encode(hold, R.ActionStop | R.ActionResetFault) && _link.Write(R.CommandStart, _command) == LinkOutcome.Ok;
                first = null;
                continue;
            }

            var seq = _status[R.Sequence - R.StatusStart];
            if (first is { } f && f != seq)
            {
                error = string.Empty;
                return true;
            }

            first ??= seq;
        }

        error = resetSent && DeviceFault != R.FaultNone
            ? $"EOAT controller on {Options.Line.Device} keeps fault {DeviceFault} latched after a reset"
            : $"EOAT controller on {Options.Line.Device}: no heartbeat (SEQUENCE did not advance) within {Options.ActivateTimeout.TotalSeconds} s";
        return false;
    }

    /// <summary>Checks a raw status block and, when every value is plausible, takes it as the new state.</summary>
    private bool Accept(ushort[] s, double time)
    {
        var bits = s[R.Status - R.StatusStart];
        var fault = s[R.Fault - R.StatusStart];
        var gap = RegisterScaling.DecodeUnsigned(s[R.PaddleGap - R.StatusStart], R.LengthResolution);
        var force = RegisterScaling.DecodeUnsigned(s[R.SqueezeForce - R.StatusStart], R.ForceResolution);
        var left = RegisterScaling.DecodeSigned(s[R.LeftBeltSpeed - R.StatusStart], R.SpeedResolution);
        var right = RegisterScaling.DecodeSigned(s[R.RightBeltSpeed - R.StatusStart], R.SpeedResolution);
        var iLeft = RegisterScaling.DecodeUnsigned(s[R.LeftBeltCurrent - R.StatusStart], R.CurrentResolution);
        var iRight = RegisterScaling.DecodeUnsigned(s[R.RightBeltCurrent - R.StatusStart], R.CurrentResolution);
        var spatula = RegisterScaling.DecodeUnsigned(s[R.SpatulaExtension - R.StatusStart], R.LengthResolution);
        var tolerance = 1 + Limits.SampleTolerance;
        if (bits > 0xFF || fault > R.FaultUnderVoltage || gap > Limits.MaxPaddleGap * tolerance ||
            force > Limits.MaxSqueezeForce * tolerance * 4 || Math.Abs(left) > Limits.MaxBeltSpeed * tolerance ||
            Math.Abs(right) > Limits.MaxBeltSpeed * tolerance || iLeft > Limits.MaxCurrent || iRight > Limits.MaxCurrent ||
            spatula > Limits.MaxSpatulaExtension * tolerance)
        {
            return false;
        }

        StatusBits = bits;
        DeviceFault = fault;
        _state.PaddleGap = gap;
        _state.SqueezeForce = force;
        _state.LeftBeltSpeed = left;
        _state.RightBeltSpeed = right;
        _state.LeftBeltCurrent = iLeft;
        _state.RightBeltCurrent = iRight;
        _state.SpatulaExtension = spatula;
        _state.RearBeamBlocked = (bits & R.StatusRearBeam) != 0;
        _state.FrontBeamBlocked = (bits & R.StatusFrontBeam) != 0;
        _state.Stamp = time;
        return true;
    }

    private bool Encode(in EoatCommand c, ushort action)
    {
        _command[R.Action] = action;
        _command[R.Watchdog] = ++_watchdog;
        return RegisterScaling.TryEncodeUnsigned(c.PaddleGap, R.LengthResolution, out _command[R.PaddleGapSet]) &&
            RegisterScaling.TryEncodeUnsigned(c.SqueezeForceLimit, R.ForceResolution, out _command[R.SqueezeForceLimit]) &&
            RegisterScaling.TryEncodeSigned(c.LeftBeltSpeed, R.SpeedResolution, out _command[R.LeftBeltSpeedSet]) &&
            RegisterScaling.TryEncodeSigned(c.RightBeltSpeed, R.SpeedResolution, out _command[R.RightBeltSpeedSet]) &&
            RegisterScaling.TryEncodeUnsigned(c.SpatulaExtension, R.LengthResolution, out _command[R.SpatulaExtensionSet]);
    }
}
