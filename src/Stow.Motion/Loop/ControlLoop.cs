using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stow.Core.Time;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Management;

namespace Stow.Motion.Loop;

/// <summary>
/// The control loop: <c>read → update → write</c> over a <see cref="HardwareManager"/> and a list of
/// <see cref="IController"/>s, paced by an <see cref="ILoopPacer"/>. Run it on its own dedicated thread
/// (<see cref="Start"/>/<see cref="Stop"/>), or synchronously with <see cref="Step"/> / <see cref="RunCycles"/>
/// (tests, simulated time). The cycle does not allocate, await, throw, or format strings.
/// <para>Threading: controllers are added before the first cycle. One driver at a time: either the thread or
/// the synchronous calls. <see cref="Statistics"/> may be read from any thread.</para>
/// <para>Lifecycle: the hardware is brought up by the caller (<see cref="HardwareManager.Bringup"/>); the loop
/// reads Inactive/Active components and writes Active ones.</para>
/// <para>The dedicated thread asks for <c>SCHED_FIFO</c> and locked memory (<see cref="ControlLoopOptions.FifoPriority"/>,
/// <see cref="ControlLoopOptions.LockMemory"/>) before its first cycle and logs what it got (<see cref="Realtime"/>),
/// with a warning when it was not permitted.</para>
/// </summary>
public sealed class ControlLoop : IDisposable
{
    private readonly HardwareManager _hardware;
    private readonly IClock _clock;
    private readonly ILoopPacer _pacer;
    private readonly ILogger _logger;
    private readonly List<IController> _controllers = [];
    private IController[] _stage = [];
    private double _lastTime = double.NaN;
    private Thread? _thread;
    private volatile bool _stopRequested;
    private bool _begun;

    /// <summary>Creates a loop.</summary>
    /// <param name="hardware">Components to read and write.</param>
    /// <param name="clock">Time source of the cycle (a <see cref="VirtualClock"/> with <see cref="VirtualClockPacer"/>, a <see cref="SystemClock"/> with <see cref="PeriodicPacer"/>, or the cell's RTDE-paced <c>UrStatePacer</c>).</param>
    /// <param name="pacer">Pacing policy.</param>
    /// <param name="options">Rate and real-time settings of the dedicated thread.</param>
    /// <param name="logger">Receives one line when the thread starts (its scheduling); none when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside 500–1000 Hz or the priority outside 0–99.</exception>
    public ControlLoop(HardwareManager hardware, IClock clock, ILoopPacer pacer, ControlLoopOptions options, ILogger? logger = null)
    {
        options.Validate();
        _hardware = hardware;
        _clock = clock;
        _pacer = pacer;
        _logger = logger ?? NullLogger.Instance;
        Options = options;
        Statistics = new CycleStatistics(options.Period);
    }

    /// <summary>Settings.</summary>
    public ControlLoopOptions Options { get; }

    /// <summary>Timing statistics of the cycles run so far.</summary>
    public CycleStatistics Statistics { get; }

    /// <summary>Result of the last hardware read.</summary>
    public HardwareResult LastReadResult { get; private set; }

    /// <summary>Result of the last hardware write.</summary>
    public HardwareResult LastWriteResult { get; private set; }

    /// <summary>How the pacer's last wait ended (on time, late, or timed out waiting for an external signal).</summary>
    public LoopWake LastWake { get; private set; }

    /// <summary>The scheduling the dedicated thread obtained; null until <see cref="Start"/>'s thread has begun.</summary>
    public RealtimeStatus? Realtime { get; private set; }

    /// <summary>True while the dedicated thread runs.</summary>
    public bool IsRunning => _thread is { IsAlive: true };

    /// <summary>Adds a controller to the update stage (in order). Before the first cycle only.</summary>
    /// <param name="controller">The controller.</param>
    /// <exception cref="InvalidOperationException">The loop has already run.</exception>
    public void Add(IController controller)
    {
        if (_begun)
        {
            throw new InvalidOperationException("controllers are added before the loop runs");
        }

        _controllers.Add(controller);
    }

    /// <summary>Runs one cycle now, without pacing: read, update, write, record timing and whether a garbage
    /// collection ran during it. No allocation.</summary>
    public void Step()
    {
        EnsureBegun();
        var gc = GC.CollectionCount(0);
        var t0 = Stopwatch.GetTimestamp();
        var time = _clock.Now;
        var period = double.IsNaN(_lastTime) ? Options.Period : time - _lastTime;
        var measured = double.IsNaN(_lastTime) ? 0 : period;
        _lastTime = time;
        LastReadResult = _hardware.Read(time, period);
        var stage = _stage;
        for (var i = 0; i < stage.Length; i++)
        {
            stage[i].Update(time, period);
        }

        LastWriteResult = _hardware.Write(time, period);
        Statistics.Record(measured, Stopwatch.GetElapsedTime(t0).TotalSeconds, GC.CollectionCount(0) != gc);
    }

    /// <summary>Runs <paramref name="cycles"/> paced cycles on the calling thread (with <see cref="VirtualClockPacer"/>: as fast as possible).</summary>
    /// <param name="cycles">Number of cycles, ≥ 0.</param>
    public void RunCycles(int cycles)
    {
        EnsureBegun();
        for (var i = 0; i < cycles; i++)
        {
            PacedStep();
        }
    }

    /// <summary>Runs paced cycles on the calling thread until <paramref name="done"/> is true or <paramref name="maxCycles"/> ran.</summary>
    /// <param name="done">Condition checked after each cycle (should not allocate if used on a hot path).</param>
    /// <param name="maxCycles">Upper bound of cycles.</param>
    /// <returns>Number of cycles run.</returns>
    public int RunUntil(Func<bool> done, int maxCycles)
    {
        EnsureBegun();
        for (var i = 0; i < maxCycles; i++)
        {
            PacedStep();
            if (done())
            {
                return i + 1;
            }
        }

        return maxCycles;
    }

    /// <summary>Starts the dedicated loop thread (highest priority, background).</summary>
    /// <exception cref="InvalidOperationException">Already running.</exception>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("the control loop is already running");
        }

        EnsureBegun();
        _stopRequested = false;
        _thread = new Thread(Run) { IsBackground = true, Name = "stow-control-loop", Priority = ThreadPriority.Highest };
        _thread.Start();
    }

    /// <summary>Asks the thread to stop after its current cycle and waits for it (with a signal-waiting pacer and no
    /// signals, the current wait ends at the pacer's timeout first).</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>True when the thread ended within the timeout.</returns>
    public bool Stop(TimeSpan timeout)
    {
        _stopRequested = true;
        return _thread?.Join(timeout) ?? true;
    }

    /// <inheritdoc/>
    public void Dispose() => Stop(TimeSpan.FromSeconds(1));

    private void EnsureBegun()
    {
        if (_begun)
        {
            return;
        }

        _begun = true;
        _stage = [.. _controllers];
        _pacer.Begin(Options.Period);
    }

    private void PacedStep()
    {
        var wake = _pacer.WaitForNextCycle();
        LastWake = wake;
        Statistics.RecordWake(wake);
        Step();
    }

    private void Run()
    {
        var realtime = RealtimeScheduling.ApplyToCurrentThread(Options.FifoPriority, Options.LockMemory);
        Realtime = realtime;
        var asked = Options.FifoPriority > 0 || Options.LockMemory;
        if (asked && (realtime.Fifo != Options.FifoPriority > 0 || realtime.MemoryLocked != Options.LockMemory))
        {
            _logger.LogWarning("control loop at {RateHz} Hz: real-time settings not fully permitted, running with {Realtime}", Options.RateHz, realtime.Describe());
        }
        else
        {
            _logger.LogInformation("control loop at {RateHz} Hz: {Realtime}", Options.RateHz, realtime.Describe());
        }

        while (!_stopRequested)
        {
            PacedStep();
        }
    }
}
