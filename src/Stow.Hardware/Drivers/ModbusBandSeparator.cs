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
/// requests. The line is served by the driver's own I/O thread (<see cref="ModbusExchange"/>), as in
/// <see cref="ModbusEoat"/>: started by Configure (polls only), restarted by Activate to also write, stopped and joined
/// by Deactivate (restarted polling only), Cleanup, Shutdown and the error path; each exchange writes the latest command
/// block the control thread published (0x10, WATCHDOG incremented per bus write), then polls the status block (0x03).
/// <c>Read</c> and <c>Write</c> on the control thread do no I/O (copies under one short lock, no allocation). Engage and
/// release are rising edges of their action bits: a request's bit stays set in the published blocks until the I/O
/// thread reports a successful bus write of a block carrying it, and is cleared in the blocks after, so a lost write is
/// repeated, never doubled. Codes, never exceptions, inside the cycle.
/// </summary>
/// <remarks>
/// A status sample with a valid CRC but an unknown phase, fault code or status bits, or a row/column beyond
/// <see cref="MaxRows"/>/<see cref="MaxColumns"/>, is refused (<see cref="RejectedSamples"/>) and Read returns Error;
/// so does a device-latched fault, a master faulted by persistent line errors (<see cref="IsCommFaulted"/>), an
/// exception response, an exception on the I/O thread (<see cref="IoThreadError"/>), and a sample older than
/// <see cref="ModbusDeviceOptions.StaleAfter"/> (no poll accepted for that long): the cell holds. A transient line error
/// keeps the last sample. A command block is written only when the control thread published one since the last write,
/// so a stalled control loop lets the controller's WATCHDOG trip. Threading: <see cref="IBandSeparator"/>'s calls and
/// <c>Read</c>/<c>Write</c> on the control thread; lifecycle calls on one thread outside the loop; counters from any thread.
/// </remarks>
public sealed partial class ModbusBandSeparator : CommandedComponent, IBandSeparator
{
    private readonly ModbusDeviceLink _link;
    private readonly ModbusExchange _exchange;
    private readonly ushort[] _status = new ushort[R.StatusCount];
    private readonly ushort[] _command = new ushort[R.CommandCount];
    private readonly long _staleTicks;
    private readonly string _staleText;
    private BandSeparatorState _state;
    private BinId _target;
    private ushort _request;
    private long _requestId;
    private long _seenSequence = -1;
    private long _seenRejected;

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
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ExchangePeriod, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.StaleAfter, TimeSpan.Zero);
        Options = options;
        MaxRows = maxRows;
        MaxColumns = maxColumns;
        _link = new ModbusDeviceLink(options);
        _exchange = new ModbusExchange(_link, R.StatusStart, R.StatusCount, R.CommandStart, R.CommandCount, R.Watchdog, options.ExchangePeriod, options.Master.ResponseTimeout, Plausible, $"modbus-{name}");
        _staleTicks = (long)(options.StaleAfter.TotalSeconds * Stopwatch.Frequency);
        _staleText = $"band-separator status stale: no sample accepted from {options.Line.Device} within {options.StaleAfter.TotalSeconds} s (staleAfter)";
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

    /// <summary>True while the driver's I/O thread runs (from Configure until Cleanup, Shutdown or the error path, or until a refused or faulted exchange ended it).</summary>
    public bool IsExchanging => _exchange.IsRunning;

    /// <summary>Exchanges (command write if any, then status poll) the I/O thread has completed, whatever their outcome.</summary>
    public long Exchanges => _exchange.Exchanges;

    /// <summary>The exception that ended the I/O thread (type and message), or null.</summary>
    public string? IoThreadError => _exchange.ThreadError;

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
        _requestId = 0;
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
        _requestId = 0;
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
            LastError = "band-separator status sample out of range: refused";
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

        if ((_status[0] & R.StatusFault) != 0)
        {
            LastError = "band-separator controller reports a latched fault";
            return HardwareResult.Error;
        }

        return HardwareResult.Ok;
    }

    /// <inheritdoc/>
    /// <remarks>No I/O: hands the command block to the I/O thread (the latest one is written, with the next WATCHDOG value).</remarks>
    public override HardwareResult Write(double time, double period)
    {
        if (!IsActive)
        {
            return HardwareResult.Ok;
        }

        if (LinkFailed())
        {
            _request = 0;
            _requestId = 0;
            return HardwareResult.Error;
        }

        // A request whose block the I/O thread wrote once is cleared now (its rising edge has been seen); until then it
        // stays set, so a lost write is repeated.
        var bits = _request != 0 && _requestId != 0 && _exchange.WrittenId >= _requestId ? (ushort)0 : _request;
        if (bits == 0)
        {
            _request = 0;
            _requestId = 0;
        }

        Encode((ushort)(R.ActionActivate | bits));
        var id = _exchange.Publish(_command);
        if (bits != 0 && _requestId == 0)
        {
            _requestId = id;
        }

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
        _request = 0;
        _requestId = 0;
        _exchange.Stop();
        _exchange.Start(writes: false);
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnCleanup()
    {
        Close();
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnShutdown()
    {
        Close();
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnError()
    {
        _request = 0;
        _requestId = 0;
        Close();
        return CallbackReturn.Success;
    }

    /// <summary>Joins the I/O thread, closes the line and forgets the sample.</summary>
    private void Close()
    {
        _exchange.Stop();
        _link.Close();
        _exchange.ClearSample();
    }

    /// <summary>True (LastError set) when the exchange ended: refused, faulted, or its thread failed (<see cref="ModbusExchange.EndReason"/>).</summary>
    private bool LinkFailed()
    {
        if (_exchange.EndReason("band-separator") is not { } why)
        {
            return false;
        }

        LastError = why;
        return true;
    }

    /// <summary>Takes a raw status block that passed <see cref="Plausible"/> (on the I/O thread, or in activation) as the new state.</summary>
    private void Accept(ushort[] s, double time)
    {
        var phase = s[R.Phase - R.StatusStart];
        var fault = s[R.Fault - R.StatusStart];
        var row = s[R.Row - R.StatusStart];
        var column = s[R.Column - R.StatusStart];

        DeviceFault = fault;
        _state.Phase = (BandSeparatorPhase)phase;
        _state.Bin = new BinId(row, column);
        _state.Stamp = time;
    }

    /// <summary>Whether a raw status block is plausible (known status bits, phase and fault code; row and column on the face). Pure; runs on the I/O thread too.</summary>
    private bool Plausible(ReadOnlySpan<ushort> s) =>
        s[R.Status - R.StatusStart] <= 0x7 && s[R.Phase - R.StatusStart] <= (ushort)BandSeparatorPhase.Fault &&
        s[R.Fault - R.StatusStart] <= R.FaultBadTarget && s[R.Row - R.StatusStart] < MaxRows && s[R.Column - R.StatusStart] < MaxColumns;

    /// <summary>Fills the command block (its WATCHDOG word is set by the exchange per bus write).</summary>
    private void Encode(ushort action)
    {
        _command[R.Action] = action;
        _command[R.TargetRow] = (ushort)_target.Row;
        _command[R.TargetColumn] = (ushort)_target.Column;
    }
}
