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
/// The line is served by the driver's own I/O thread (<see cref="ModbusExchange"/>), started by Configure (polling the
/// status block only while Inactive), restarted by Activate to also write the command block, and stopped and joined by
/// Deactivate (restarted polling only), Cleanup, Shutdown and the error path: each exchange writes the latest command
/// block the control thread published (0x10, WATCHDOG incremented per bus write), then polls the status block (0x03),
/// back to back or once per <see cref="ModbusDeviceOptions.ExchangePeriod"/>. <c>Read</c> and <c>Write</c> on the control
/// thread do no I/O: Read copies the latest sample out, Write the command block in, each under one short lock, without
/// allocating; they return codes and never throw. Lifecycle transitions talk to the line synchronously (the I/O thread
/// is stopped during activation's handshake).
/// </summary>
/// <remarks>
/// Safety: a set-point that is out of range or not finite is refused by the command call; a status sample with a
/// valid CRC but an implausible value (outside the device's range, unknown fault code) is refused, counted in
/// <see cref="RejectedSamples"/>, and the Read returns <see cref="HardwareResult.Error"/> (the manager's error path
/// stops the device and the cell holds); a device-latched fault does the same. A transient line error keeps the last
/// sample (its <see cref="EoatState.Stamp"/> does not advance) and is retried by the next exchange; a sample older than
/// <see cref="ModbusDeviceOptions.StaleAfter"/> (no poll accepted for that long: a stalled device or line) makes Read
/// return Error, so the loop never acts on old state; persistent line errors fault the master
/// (<see cref="IsCommFaulted"/>), an exception response ends the exchange, and an exception on the I/O thread is caught
/// and kept (<see cref="IoThreadError"/>): each makes Read (and Write) return Error. A command block is written only
/// when the control thread published one since the last write, so a stalled control loop stops the writes and the
/// controller's WATCHDOG stops the tool. <see cref="EoatState.Stamp"/> is the cycle time at which Read first saw a
/// sample. Threading: <see cref="IEoat"/>'s calls and <c>Read</c>/<c>Write</c> on the control thread; lifecycle calls on
/// one thread outside the loop; the counters may be read from any thread.
/// </remarks>
public sealed partial class ModbusEoat : CommandedComponent, IEoat
{
    private readonly ModbusDeviceLink _link;
    private readonly ModbusExchange _exchange;
    private readonly ushort[] _status = new ushort[R.StatusCount];
    private readonly ushort[] _command = new ushort[R.CommandCount];
    private readonly long _staleTicks;
    private readonly string _staleText;
    private EoatCommand _pending;
    private EoatState _state;
    private long _seenSequence = -1;
    private long _seenRejected;

    /// <summary>Creates the driver, Unconfigured; nothing is opened yet.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="options">Line, unit and timing.</param>
    /// <param name="limits">Device ranges used to refuse commands and implausible samples (null: defaults).</param>
    public ModbusEoat(string name, ModbusDeviceOptions options, ModbusEoatLimits? limits = null)
        : base(name)
    {
        Options = options;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ExchangePeriod, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.StaleAfter, TimeSpan.Zero);
        Options = options;
        Limits = limits ?? new ModbusEoatLimits();
        _link = new ModbusDeviceLink(options);
        _exchange = new ModbusExchange(_link, R.StatusStart, R.StatusCount, R.CommandStart, R.CommandCount, R.Watchdog, options.ExchangePeriod, options.Master.ResponseTimeout, Plausible, $"modbus-{name}");
        _staleTicks = (long)(options.StaleAfter.TotalSeconds * Stopwatch.Frequency);
        _staleText = $"EOAT status stale: no sample accepted from {options.Line.Device} within {options.StaleAfter.TotalSeconds} s (staleAfter)";
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

    /// <summary>True while the driver's I/O thread runs (from Configure until Cleanup, Shutdown or the error path, or until a refused or faulted exchange ended it).</summary>
    public bool IsExchanging => _exchange.IsRunning;

    /// <summary>Exchanges (command write if any, then status poll) the I/O thread has completed, whatever their outcome.</summary>
    public long Exchanges => _exchange.Exchanges;

    /// <summary>The exception that ended the I/O thread (type and message), or null.</summary>
    public string? IoThreadError => _exchange.ThreadError;

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
    /// <remarks>No I/O: copies the I/O thread's latest status sample; see the class remarks for when it returns Error.</remarks>
    public override HardwareResult Read(double time, double period)
    {
        if (LinkFailed())
        {
            return HardwareResult.Error;
        }

        _exchange.CopyLatest(_status, out var sequence, out var age, out var rejected);
        if (rejected != _seenRejected)
        {
            // The I/O thread refused implausible blocks since the last cycle (never kept as state).
            RejectedSamples += rejected - _seenRejected;
            _seenRejected = rejected;
            LastError = "EOAT status sample out of range: refused";
            return HardwareResult.Error;
        }

        if (sequence != _seenSequence)
        {
            // A kept sample passed Plausible on the I/O thread.
            _seenSequence = sequence;
            Accept(_status, time);
        }

        if (age > _staleTicks)
        {
            LastError = _staleText;
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
    /// <remarks>No I/O: hands the command block to the I/O thread, which writes the latest one with the next WATCHDOG value.</remarks>
    public override HardwareResult Write(double time, double period)
    {
        if (!IsActive)
        {
            return HardwareResult.Ok;
        }

        if (LinkFailed())
        {
            return HardwareResult.Error;
        }

        if (!Encode(_pending, R.ActionActivate | R.ActionGo))
        {
            LastError = "EOAT command does not fit its registers: refused";
            return HardwareResult.Error;
        }

        _exchange.Publish(_command);
        return HardwareResult.Ok;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnConfigure()
    {
        if (!_link.TryOpen(out var error))
        {
            TransitionError = error;
            return CallbackReturn.Failure;
        }

        _exchange.Start(writes: false);
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnActivate()
    {
        _exchange.Stop();
        var r = Handshake();
        _exchange.Start(writes: r == CallbackReturn.Success);
        return r;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnDeactivate()
    {
        _exchange.Stop();
        SendStop();
        _exchange.Start(writes: false);
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnCleanup()
    {
        Close(stop: false);
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnShutdown()
    {
        Close(stop: true);
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnError()
    {
        Close(stop: true);
        return CallbackReturn.Success;
    }

    /// <summary>Joins the I/O thread, optionally sends stop, closes the line and forgets the sample.</summary>
    private void Close(bool stop)
    {
        _exchange.Stop();
        if (stop)
        {
            SendStop();
        }

        _link.Close();
        _exchange.ClearSample();
    }

    /// <summary>True (LastError set) when the exchange ended: refused, faulted, or its thread failed (<see cref="ModbusExchange.EndReason"/>).</summary>
    private bool LinkFailed()
    {
        if (_exchange.EndReason("EOAT") is not { } why)
        {
            return false;
        }

        LastError = why;
        return true;
    }

    /// <summary>Takes a raw status block that passed <see cref="Plausible"/> (on the I/O thread, or in activation) as the new state.</summary>
    private void Accept(ushort[] s, double time)
    {
        var d = StatusBlock.Decode(s);
        StatusBits = d.Bits;
        DeviceFault = d.Fault;
        _state.PaddleGap = d.Gap;
        _state.SqueezeForce = d.Force;
        _state.LeftBeltSpeed = d.LeftSpeed;
        _state.RightBeltSpeed = d.RightSpeed;
        _state.LeftBeltCurrent = d.LeftCurrent;
        _state.RightBeltCurrent = d.RightCurrent;
        _state.SpatulaExtension = d.Spatula;
        _state.RearBeamBlocked = (d.Bits & R.StatusRearBeam) != 0;
        _state.FrontBeamBlocked = (d.Bits & R.StatusFrontBeam) != 0;
        _state.Stamp = time;
    }

    /// <summary>Whether every value of a raw status block is plausible (outside the device's ranges, an unknown fault code or status bits: not). Pure; runs on the I/O thread too.</summary>
    private bool Plausible(ReadOnlySpan<ushort> s)
    {
        var d = StatusBlock.Decode(s);
        var tolerance = 1 + Limits.SampleTolerance;
        return !(d.Bits > 0xFF || d.Fault > R.FaultUnderVoltage || d.Gap > Limits.MaxPaddleGap * tolerance ||
            d.Force > Limits.MaxSqueezeForce * tolerance * 4 || Math.Abs(d.LeftSpeed) > Limits.MaxBeltSpeed * tolerance ||
            Math.Abs(d.RightSpeed) > Limits.MaxBeltSpeed * tolerance || d.LeftCurrent > Limits.MaxCurrent || d.RightCurrent > Limits.MaxCurrent ||
            d.Spatula > Limits.MaxSpatulaExtension * tolerance);
    }

    /// <summary>The status registers in SI units (m, N, m/s, A), decoded once for <see cref="Plausible"/> and <see cref="Accept"/>.</summary>
    private readonly record struct StatusBlock(ushort Bits, ushort Fault, double Gap, double Force, double LeftSpeed, double RightSpeed,
        double LeftCurrent, double RightCurrent, double Spatula)
    {
        public static StatusBlock Decode(ReadOnlySpan<ushort> s) => new(
            s[R.Status - R.StatusStart],
            s[R.Fault - R.StatusStart],
            RegisterScaling.DecodeUnsigned(s[R.PaddleGap - R.StatusStart], R.LengthResolution),
            RegisterScaling.DecodeUnsigned(s[R.SqueezeForce - R.StatusStart], R.ForceResolution),
            RegisterScaling.DecodeSigned(s[R.LeftBeltSpeed - R.StatusStart], R.SpeedResolution),
            RegisterScaling.DecodeSigned(s[R.RightBeltSpeed - R.StatusStart], R.SpeedResolution),
            RegisterScaling.DecodeUnsigned(s[R.LeftBeltCurrent - R.StatusStart], R.CurrentResolution),
            RegisterScaling.DecodeUnsigned(s[R.RightBeltCurrent - R.StatusStart], R.CurrentResolution),
            RegisterScaling.DecodeUnsigned(s[R.SpatulaExtension - R.StatusStart], R.LengthResolution));
    }

    /// <summary>Fills the command block (its WATCHDOG word is set by the exchange per bus write).</summary>
    private bool Encode(in EoatCommand c, ushort action)
    {
        _command[R.Action] = action;
        return RegisterScaling.TryEncodeUnsigned(c.PaddleGap, R.LengthResolution, out _command[R.PaddleGapSet]) &&
            RegisterScaling.TryEncodeUnsigned(c.SqueezeForceLimit, R.ForceResolution, out _command[R.SqueezeForceLimit]) &&
            RegisterScaling.TryEncodeSigned(c.LeftBeltSpeed, R.SpeedResolution, out _command[R.LeftBeltSpeedSet]) &&
            RegisterScaling.TryEncodeSigned(c.RightBeltSpeed, R.SpeedResolution, out _command[R.RightBeltSpeedSet]) &&
            RegisterScaling.TryEncodeUnsigned(c.SpatulaExtension, R.LengthResolution, out _command[R.SpatulaExtensionSet]);
    }
}
