using System.Diagnostics;

namespace Stow.Hardware.Drivers;

/// <summary>
/// The I/O thread of one Modbus driver (one per serial line): it exchanges with the device back to back at the line's
/// pace, or once per <see cref="ModbusDeviceOptions.ExchangePeriod"/> (after a round with a failed transaction, no
/// sooner than one response timeout after its start, so a line that fails at once, e.g. a pulled USB adapter, is not
/// hammered and the master's fault policy counts failures at the pace of a silent device): a 0x10 write of the latest command block that the
/// control thread published since the last write (WATCHDOG register incremented per bus write), then a 0x03 poll of the
/// status block, kept as the latest sample with its wall-clock time. The control thread only copies the latest sample
/// out (<see cref="CopyLatest"/>) and the pending command in (<see cref="Publish"/>), each under one short lock: no I/O,
/// no allocation, no waiting on the line.
/// </summary>
/// <remarks>
/// Safety rules kept by this class:
/// <list type="bullet">
/// <item>Each polled block is checked with the driver's plausibility check on the I/O thread: an implausible one is never
/// kept as the latest sample (the previous one stays and ages) and is counted in <see cref="Rejected"/>, which the
/// driver's next Read turns into Error, so a refused sample cannot slip by between two control cycles.</item>
/// <item>A command block is written only when the control thread published one since the previous successful write, so a
/// host whose control loop stalls stops writing and the device's own WATCHDOG timeout trips, as when each cycle wrote
/// synchronously (the latest published block wins; blocks published between two writes are dropped).</item>
/// <item>An exception response (<see cref="LinkOutcome.Refused"/>) or a faulted master (<see cref="LinkOutcome.Faulted"/>)
/// ends the exchange: the thread records it in <see cref="Failure"/> and exits; the driver's next Read returns Error
/// and its error path (<see cref="Stop"/>, then the line closed) follows. A transient line error is retried on the next
/// exchange; the sample then ages, and the driver refuses it once older than <see cref="ModbusDeviceOptions.StaleAfter"/>.</item>
/// <item>An unexpected exception on the thread is caught, kept in <see cref="ThreadError"/> (the driver's Read then
/// returns Error with its message) and ends the thread: never an unobserved crash.</item>
/// </list>
/// Threading: <see cref="Start"/>, <see cref="Stop"/>, <see cref="PollNow"/> and <see cref="WriteNow"/> on the lifecycle
/// thread (the last two only while the I/O thread is stopped: activation's handshake); <see cref="Publish"/>,
/// <see cref="CopyLatest"/> and the properties from any thread (the control thread). The link is used by the I/O thread
/// alone while it runs; <see cref="Stop"/> joins it, so no thread outlives the driver's transitions.
/// </remarks>
#pragma warning disable CA1001 // the stop event lives as long as the driver; the thread is joined by Stop in every closing transition.
internal sealed class ModbusExchange
#pragma warning restore CA1001
{
    private readonly ModbusDeviceLink _link;
    private readonly ushort _statusAddress;
    private readonly ushort _commandAddress;
    private readonly int _watchdogIndex;
    private readonly long _periodTicks;
    private readonly long _backoffTicks;
    private readonly string _threadName;
    private readonly StatusCheck _plausible;
    private readonly Lock _sync = new();

    // Shared with the control thread, under _sync.
    private readonly ushort[] _latest;
    private readonly ushort[] _pending;
    private long _sampleSequence;
    private long _sampleTicks;
    private long _rejected;
    private long _publishedId;
    private long _writtenId;

    // The I/O thread's own buffers (or the lifecycle thread's while the I/O thread is stopped).
    private readonly ushort[] _rx;
    private readonly ushort[] _tx;
    private ushort _watchdog;
    private long _writeFloor;
    private bool _roundFailed;

    private readonly ManualResetEventSlim _stop = new(false);
    private Thread? _thread;
    private volatile bool _writes;
    private volatile int _failure = (int)LinkOutcome.Ok;
    private volatile string? _failureOperation;
    private volatile string? _threadError;
    private long _exchanges;

    public ModbusExchange(ModbusDeviceLink link, ushort statusAddress, int statusCount, ushort commandAddress, int commandCount,
        int watchdogIndex, TimeSpan period, TimeSpan backoff, StatusCheck plausible, string threadName)
    {
        _link = link;
        _plausible = plausible;
        _statusAddress = statusAddress;
        _commandAddress = commandAddress;
        _watchdogIndex = watchdogIndex;
        _periodTicks = (long)(period.TotalSeconds * Stopwatch.Frequency);
        _backoffTicks = (long)(backoff.TotalSeconds * Stopwatch.Frequency);
        _threadName = threadName;
        _latest = new ushort[statusCount];
        _rx = new ushort[statusCount];
        _pending = new ushort[commandCount];
        _tx = new ushort[commandCount];
    }

    /// <summary>True while the I/O thread runs.</summary>
    public bool IsRunning => _thread is { IsAlive: true };

    /// <summary>Why the exchange ended: <see cref="LinkOutcome.Refused"/> or <see cref="LinkOutcome.Faulted"/>; Ok while it may go on.</summary>
    public LinkOutcome Failure => (LinkOutcome)_failure;

    /// <summary>"poll" or "write": the transaction that ended the exchange (null when none did).</summary>
    public string? FailureOperation => _failureOperation;

    /// <summary>The message of an unexpected exception that ended the I/O thread, or null.</summary>
    public string? ThreadError => _threadError;

    /// <summary>
    /// Why the exchange can no longer serve the driver, as an error text naming <paramref name="device"/> (e.g. "EOAT"):
    /// its thread failed, the controller refused a poll or write (exception response), or the line faulted; null while it
    /// may go on (no allocation then).
    /// </summary>
    /// <param name="device">The device's name as the text starts with it.</param>
    public string? EndReason(string device)
    {
        if (ThreadError is { } crash)
        {
            return device + " I/O thread failed: " + crash;
        }

        if (Failure == LinkOutcome.Refused)
        {
            return FailureOperation == "write"
                ? device + " controller refused the command block (exception response)"
                : device + " controller refused the status poll (exception response)";
        }

        return Failure == LinkOutcome.Faulted || _link.IsFaulted ? device + " serial line faulted (persistent Modbus errors)" : null;
    }

    /// <summary>Write-then-poll rounds the I/O thread completed (attempted, whatever their outcome) since construction.</summary>
    public long Exchanges => Interlocked.Read(ref _exchanges);

    /// <summary>The publication id of the command block of the last successful bus write (0: none yet).</summary>
    public long WrittenId
    {
        get
        {
            lock (_sync)
            {
                return _writtenId;
            }
        }
    }

    /// <summary>
    /// Starts the I/O thread. <paramref name="writes"/>: whether it writes published command blocks (Active) or only polls
    /// (Inactive). Clears a previous failure.
    /// </summary>
    public void Start(bool writes)
    {
        Stop();
        _writes = writes;
        _failure = (int)LinkOutcome.Ok;
        _failureOperation = null;
        _threadError = null;
        _stop.Reset();
        lock (_sync)
        {
            // A block published before this start (e.g. before a deactivation) is not written: the control thread
            // publishes afresh each cycle.
            _writeFloor = _publishedId;
        }

        _thread = new Thread(Run) { IsBackground = true, Name = _threadName, Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Stops the I/O thread and joins it (a transaction in flight ends within its timeouts). Idempotent.</summary>
    public void Stop()
    {
        if (_thread is null)
        {
            return;
        }

        _stop.Set();
        _thread.Join();
        _thread = null;
    }

    /// <summary>Forgets the latest sample (after the line closed): until a new poll succeeds, none is fresh.</summary>
    public void ClearSample()
    {
        lock (_sync)
        {
            _sampleTicks = 0;
        }
    }

    /// <summary>Control thread: the command block to write next (its WATCHDOG word is set by the writer).</summary>
    /// <returns>The block's publication id (increasing).</returns>
    public long Publish(ReadOnlySpan<ushort> block)
    {
        lock (_sync)
        {
            block.CopyTo(_pending);
            return ++_publishedId;
        }
    }

    /// <summary>Control thread: copies the latest accepted status block into <paramref name="status"/>.</summary>
    /// <param name="status">Receives the block (status-block length).</param>
    /// <param name="sequence">Increments per accepted poll; unchanged: the same sample as before.</param>
    /// <param name="ageTicks">Stopwatch ticks since that poll; <see cref="long.MaxValue"/> when none since the line opened.</param>
    /// <param name="rejected">Polled blocks refused as implausible so far (<see cref="Rejected"/>).</param>
    public void CopyLatest(Span<ushort> status, out long sequence, out long ageTicks, out long rejected)
    {
        lock (_sync)
        {
            _latest.CopyTo(status);
            sequence = _sampleSequence;
            ageTicks = _sampleTicks == 0 ? long.MaxValue : Stopwatch.GetTimestamp() - _sampleTicks;
            rejected = _rejected;
        }
    }

    /// <summary>Polled blocks with a valid frame that the plausibility check refused (never kept as the latest sample).</summary>
    public long Rejected
    {
        get
        {
            lock (_sync)
            {
                return _rejected;
            }
        }
    }

    /// <summary>
    /// Lifecycle thread, I/O thread stopped: one synchronous poll into <paramref name="status"/> (the caller checks it);
    /// a plausible block is also kept as the latest sample, an implausible one is not (and not counted here).
    /// </summary>
    public LinkOutcome PollNow(Span<ushort> status)
    {
        Debug.Assert(!IsRunning, "PollNow while the I/O thread runs");
        var r = _link.Read(_statusAddress, _rx);
        if (r == LinkOutcome.Ok)
        {
            _rx.CopyTo(status);
            if (_plausible(_rx))
            {
                Accept();
            }
        }

        return r;
    }

    /// <summary>Lifecycle thread, I/O thread stopped: one synchronous write of <paramref name="block"/> with the next WATCHDOG value.</summary>
    public LinkOutcome WriteNow(ReadOnlySpan<ushort> block)
    {
        Debug.Assert(!IsRunning, "WriteNow while the I/O thread runs");
        block.CopyTo(_tx);
        _tx[_watchdogIndex] = ++_watchdog;
        return _link.Write(_commandAddress, _tx);
    }

#pragma warning disable CA1031 // the I/O thread must not die unobserved: any exception is kept and becomes the driver's error.
    private void Run()
    {
        try
        {
            while (!_stop.IsSet)
            {
                var start = Stopwatch.GetTimestamp();
                if (!Exchange())
                {
                    return;
                }

                Interlocked.Increment(ref _exchanges);
                var pause = _roundFailed ? Math.Max(_periodTicks, _backoffTicks) : _periodTicks;
                if (pause > 0)
                {
                    var left = pause - (Stopwatch.GetTimestamp() - start);
                    if (left > 0 && _stop.Wait(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency)))
                    {
                        return;
                    }
                }
            }
        }
        catch (Exception e)
        {
            _threadError = $"{e.GetType().Name}: {e.Message}";
        }
    }
#pragma warning restore CA1031

    /// <summary>One round: the latest published command block (if any since the last write), then the status poll.</summary>
    /// <returns>False when the exchange must end (refused or faulted).</returns>
    private bool Exchange()
    {
        _roundFailed = false;
        if (_writes)
        {
            long id = 0;
            lock (_sync)
            {
                if (_publishedId > _writtenId && _publishedId > _writeFloor)
                {
                    id = _publishedId;
                    _pending.CopyTo(_tx);
                }
            }

            if (id != 0)
            {
                _tx[_watchdogIndex] = ++_watchdog;
                var w = _link.Write(_commandAddress, _tx);
                if (w == LinkOutcome.Ok)
                {
                    lock (_sync)
                    {
                        _writtenId = id;
                    }
                }
                else if (w != LinkOutcome.Transient)
                {
                    return End(w, "write");
                }
                else
                {
                    _roundFailed = true;
                }
            }
        }

        var r = _link.Read(_statusAddress, _rx);
        if (r == LinkOutcome.Ok)
        {
            if (_plausible(_rx))
            {
                Accept();
            }
            else
            {
                lock (_sync)
                {
                    _rejected++;
                }
            }
        }
        else if (r != LinkOutcome.Transient)
        {
            return End(r, "poll");
        }
        else
        {
            _roundFailed = true;
        }

        return true;
    }

    private void Accept()
    {
        lock (_sync)
        {
            _rx.CopyTo(_latest);
            _sampleSequence++;
            _sampleTicks = Stopwatch.GetTimestamp();
        }
    }

    private bool End(LinkOutcome outcome, string operation)
    {
        _failureOperation = operation;
        _failure = (int)outcome;
        return false;
    }
}

/// <summary>A driver's plausibility check of a raw status block (pure: no state changes; runs on the I/O thread).</summary>
/// <param name="status">The status block as polled.</param>
/// <returns>True when every value is plausible.</returns>
internal delegate bool StatusCheck(ReadOnlySpan<ushort> status);
