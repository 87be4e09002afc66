using System.Diagnostics;
using Stow.Core.Ids;
using Stow.Hardware.BandSeparator;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Modbus;
using R = Stow.Hardware.Modbus.BandSeparatorRegisters;

namespace Stow.Hardware.Drivers;

/// <summary>
/// Band-separator driver over Modbus RTU (register map <see cref="BandSeparatorRegisters"/>,
/// <c>docs/modbus-register-maps.md</c>). Configure opens the serial port; Activate checks the controller's heartbeat
/// (SEQUENCE advances), clears a latched fault with one reset edge (a fault that stays fails it), then sets its activate bit; Deactivate clears engage/release
/// requests. Each <c>Read</c> is one 0x03 poll of the status block; each <c>Write</c> one 0x10 write of the command
/// block with an incremented watchdog. Engage and release are rising edges of their action bits: a request's bit stays
/// set until one write of it succeeded and is cleared on the next write, so a lost write is repeated, never doubled.
/// Codes, never exceptions, inside the cycle.
/// </summary>
/// <remarks>
/// A status sample with a valid CRC but an unknown phase, fault code or status bits, or a row/column beyond
/// <see cref="MaxRows"/>/<see cref="MaxColumns"/>, is refused (<see cref="RejectedSamples"/>) and Read returns Error;
/// so does a device-latched fault and a master faulted by persistent line errors (<see cref="IsCommFaulted"/>): the
/// cell holds. A transient line error keeps the last sample. Threading: as <see cref="IBandSeparator"/>.
/// </remarks>
public sealed class ModbusBandSeparator : CommandedComponent, IBandSeparator
{
    private readonly ModbusDeviceLink _link;
    private readonly ushort[] _status = new ushort[R.StatusCount];
    private readonly ushort[] _command = new ushort[R.CommandCount];
    private BandSeparatorState _state;
    private BinId _target;
    private ushort _request;
    private ushort _sentRequest;
    private ushort _watchdog;

    /// <summary>Creates the driver, Unconfigured.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="options">Line, unit and timing.</param>
    /// <param name="maxRows">Rows on a pod face (row indices 0..maxRows−1 are plausible).</param>
    /// <param name="maxColumns">Columns on a pod face.</param>
    public ModbusBandSeparator(string name, ModbusDeviceOptions options, int maxRows = 26, int maxColumns = 16)
        : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxColumns, 1);
        Options = options;
        MaxRows = maxRows;
        MaxColumns = maxColumns;
        _link = new ModbusDeviceLink(options);
    }

    /// <summary>Line, unit and timing.</summary>
    public ModbusDeviceOptions Options { get; }

    /// <summary>Rows on a pod face.</summary>
    public int MaxRows { get; }

    /// <summary>Columns on a pod face.</summary>
    public int MaxColumns { get; }

    /// <inheritdoc/>
    public BandSeparatorState State => _state;

    /// <summary>The master's counters per outcome (null before the first Configure; kept after a fault closed the line).</summary>
    public ModbusStatistics? Statistics => _link.Statistics;

    /// <summary>True when persistent line errors faulted the master.</summary>
    public bool IsCommFaulted => _link.IsFaulted;

    /// <summary>Transactions that failed after their retries.</summary>
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

    /// <summary>Status samples refused as implausible.</summary>
    public long RejectedSamples { get; private set; }

    /// <summary>Last fault code the controller reported (<see cref="BandSeparatorRegisters.FaultNone"/> …).</summary>
    public ushort DeviceFault { get; private set; }

    /// <inheritdoc/>
    public CommandStatus Engage(BinId bin)
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (_state.Phase != BandSeparatorPhase.Idle || _request != 0 || (uint)bin.Row >= (uint)MaxRows || (uint)bin.Column >= (uint)MaxColumns)
        {
            return CommandStatus.Invalid;
        }

        _target = bin;
        _request = R.ActionEngage;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc/>
    public CommandStatus Release()
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (_state.Phase is not (BandSeparatorPhase.Engaging or BandSeparatorPhase.Engaged) && _request != R.ActionEngage)
        {
            return CommandStatus.Invalid;
        }

        _request = R.ActionRelease;
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
                LastError = "band-separator controller refused the status poll (exception response)";
                return HardwareResult.Error;
            default:
                LastError = "band-separator serial line faulted (persistent Modbus errors)";
                return HardwareResult.Error;
        }

        if (!Accept(_status, time))
        {
            RejectedSamples++;
            LastError = "band-separator status sample out of range: refused";
            return HardwareResult.Error;
        }

        if ((_status[0] & R.StatusFault) != 0)
        {
            LastError = "band-separator controller reports a latched fault";
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

        // A request that was written once is cleared now (its rising edge has been seen); a new one is raised.
        var bits = _request != 0 && _sentRequest == _request ? (ushort)0 : _request;
        if (bits == 0)
        {
            _request = 0;
        }

        Encode((ushort)(R.ActionActivate | bits));
        switch (_link.Write(R.CommandStart, _command))
        {
            case LinkOutcome.Ok:
                _sentRequest = bits;
                return HardwareResult.Ok;
            case LinkOutcome.Transient:
                return HardwareResult.Ok;
            case LinkOutcome.Refused:
                _request = 0;
                _sentRequest = 0;
                LastError = "band-separator controller refused the command block (exception response)";
                return HardwareResult.Error;
            default:
                LastError = "band-separator serial line faulted (persistent Modbus errors)";
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
        int? first = null;
        var alive = false;
        var resetSent = false;
        while (!alive && Stopwatch.GetTimestamp() < deadline && !_link.IsFaulted)
        {
            if (_link.Read(R.StatusStart, _status) != LinkOutcome.Ok)
            {
                continue;
            }

            if (!Accept(_status, 0))
            {
                RejectedSamples++;
                TransitionError = $"band-separator controller on {Options.Line.Device} sent an out-of-range status sample";
                return CallbackReturn.Failure;
            }

            if ((_status[0] & R.StatusFault) != 0)
            {
                // Activation is the operator's reset: one rising edge of the reset bit, then the fault must be gone.
                if (resetSent)
                {
                    first = null;
                    continue; // the controller clears it on its next update; wait until the deadline.
                }

                Encode(0);
                _link.Write(R.CommandStart, _command);
                Encode(R.ActionResetFault);
                resetSent = _link.Write(R.CommandStart, _command) == LinkOutcome.Ok;
                first = null;
                continue;
            }

            var seq = _status[R.Sequence - R.StatusStart];
            alive = first is { } f && f != seq;
            first ??= seq;
        }

        _request = 0;
        _sentRequest = 0;
        while (alive && Stopwatch.GetTimestamp() < deadline && !_link.IsFaulted)
        {
            Encode(R.ActionActivate);
            if (_link.Write(R.CommandStart, _command) == LinkOutcome.Ok && _link.Read(R.StatusStart, _status) == LinkOutcome.Ok &&
                (_status[0] & R.StatusActivated) != 0)
            {
                return CallbackReturn.Success;
            }
        }

        TransitionError = resetSent && DeviceFault != R.FaultNone
            ? $"band-separator controller on {Options.Line.Device} keeps fault {DeviceFault} latched after a reset"
            : alive
            ? $"band-separator controller on {Options.Line.Device} did not report activated within {Options.ActivateTimeout.TotalSeconds} s"
            : $"band-separator controller on {Options.Line.Device}: no heartbeat (SEQUENCE did not advance) within {Options.ActivateTimeout.TotalSeconds} s";
        return CallbackReturn.Failure;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnDeactivate()
    {
        _request = 0;
        _sentRequest = 0;
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
        _link.Close();
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnError()
    {
        _request = 0;
        _sentRequest = 0;
        _link.Close();
        return CallbackReturn.Success;
    }

    private bool Accept(ushort[] s, double time)
    {
        var bits = s[R.Status - R.StatusStart];
        var phase = s[R.Phase - R.StatusStart];
        var fault = s[R.Fault - R.StatusStart];
        var row = s[R.Row - R.StatusStart];
        var column = s[R.Column - R.StatusStart];
        if (bits > 0x7 || phase > (ushort)BandSeparatorPhase.Fault || fault > R.FaultBadTarget || row >= MaxRows || column >= MaxColumns)
        {
            return false;
        }

        DeviceFault = fault;
        _state.Phase = (BandSeparatorPhase)phase;
        _state.Bin = new BinId(row, column);
        _state.Stamp = time;
        return true;
    }

    private void Encode(ushort action)
    {
        _command[R.Action] = action;
        _command[R.TargetRow] = (ushort)_target.Row;
        _command[R.TargetColumn] = (ushort)_target.Column;
        _command[R.Watchdog] = ++_watchdog;
    }
}
