using System.Diagnostics;
using Stow.Hardware.Modbus;
using Stow.Hardware.Serial;

namespace Stow.Sim.Emulators;

/// <summary>
/// Base of the device emulators: a <see cref="ModbusRtuServer"/> on one end of a pty (the device's side of the line)
/// serving a register map, backed by a simulated device that is stepped either by the emulator's own thread on the
/// wall clock (<see cref="Start"/> with self-stepping) or by the simulation through <see cref="Step"/>. Host watchdog: the command block's WATCHDOG register must change within
/// <see cref="WatchdogTimeout"/> while activated, else the derived device stops and latches its watchdog fault.
/// A pulled line (the pty's other end closed) is survived: the emulator reopens its device until it is back.
/// Threading: one serving thread; <see cref="Step"/>, register writes from the line and the derived class's hooks run
/// under one lock; <see cref="LineFaults"/> may be set from any thread.
/// </summary>
public abstract class ModbusDeviceEmulator : IDisposable
{
    private readonly SystemIoSerialPort _port;
    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private double _time;
    private double _watchdogChangedAt;
    private ushort _watchdog;
    private long _steps;
    private long _lineDrops;

    /// <summary>Creates the emulator; nothing runs until <see cref="Start"/>.</summary>
    /// <param name="device">The emulator's end of the pty pair (e.g. a socat link).</param>
    /// <param name="unit">Modbus unit address.</param>
    /// <param name="registerCount">Size of the register bank (covers the status block).</param>
    protected ModbusDeviceEmulator(string device, byte unit, int registerCount)
    {
        _port = new SystemIoSerialPort(new SerialPortOptions(device, 115200, SerialParity.None)); // see LiveSimRig: no parity on ptys
        Server = new ModbusRtuServer(_port, unit, registerCount)
        {
            Tamper = LineFaults.Apply,
            Written = OnLineWrite,
        };
    }

    /// <summary>The register bank and its request counters.</summary>
    public ModbusRtuServer Server { get; }

    /// <summary>Fault injection into the responses.</summary>
    public LineFaultInjector LineFaults { get; } = new();

    /// <summary>Host watchdog timeout [s] (register maps: 200 ms).</summary>
    public double WatchdogTimeout { get; init; } = 0.2;

    /// <summary>Self-stepping period [s] (the controller's update rate), default 5 ms.</summary>
    public double StepPeriod { get; init; } = 0.005;

    /// <summary>Controller updates so far (each increments the SEQUENCE register).</summary>
    public long Steps => Interlocked.Read(ref _steps);

    /// <summary>Times the line failed under the emulator (disconnects) and it reopened.</summary>
    public long LineDrops => Interlocked.Read(ref _lineDrops);

    /// <summary>Opens the device and starts the serving thread.</summary>
    /// <param name="selfStepping">
    /// True: the serving thread steps the device every <see cref="StepPeriod"/> of wall time. False: the simulation
    /// calls <see cref="Step"/>; the serving thread only <see cref="Refresh"/>es every <see cref="StepPeriod"/> (the
    /// controller stays alive, simulated time does not pass).
    /// </param>
    /// <exception cref="SerialPortException">The device cannot be opened.</exception>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start(bool selfStepping = true)
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("the emulator is already running");
        }

        _port.Open();
        lock (_sync)
        {
            StepCore(0, 0);
        }

        _thread = new Thread(() => Serve(selfStepping)) { IsBackground = true, Name = GetType().Name };
        _thread.Start();
    }

    /// <summary>Advances the simulated device to <paramref name="time"/> and refreshes the status registers.</summary>
    /// <param name="time">Simulation time [s], non-decreasing.</param>
    /// <param name="period">Time since the previous step [s].</param>
    public void Step(double time, double period)
    {
        lock (_sync)
        {
            _time = time;
            StepCore(time, period);
            Interlocked.Increment(ref _steps);
        }
    }

    /// <summary>
    /// A controller update without simulated time passing (period 0 at the last step's time): applies commands and
    /// refreshes the status block and heartbeat while the simulation is not stepping (e.g. during activation).
    /// </summary>
    public void Refresh()
    {
        lock (_sync)
        {
            StepCore(_time, 0);
            Interlocked.Increment(ref _steps);
        }
    }

    /// <summary>Stops the serving thread and closes the device.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the thread and closes the port.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        _stop.Cancel();
        _thread?.Join(TimeSpan.FromSeconds(5));
        _port.Dispose();
        _stop.Dispose();
    }

    /// <summary>True when the host's watchdog has not changed for <see cref="WatchdogTimeout"/> at <paramref name="time"/>.</summary>
    /// <param name="time">Present step time [s].</param>
    /// <returns>Whether it expired.</returns>
    protected bool WatchdogExpired(double time) => time - _watchdogChangedAt > WatchdogTimeout;

    /// <summary>Restarts the watchdog period (on activation).</summary>
    protected void KickWatchdog() => _watchdogChangedAt = _time;

    /// <summary>Called under the lock after the host wrote registers; the command block is in <see cref="Server"/>.</summary>
    /// <param name="address">First register written.</param>
    /// <param name="count">Registers written.</param>
    /// <param name="watchdogChanged">Whether the WATCHDOG register took a new value.</param>
    protected abstract void OnCommandWritten(int address, int count, bool watchdogChanged);

    /// <summary>The address of the WATCHDOG register in this map.</summary>
    protected abstract ushort WatchdogRegister { get; }

    /// <summary>Steps the simulated device and writes the status block (under the lock).</summary>
    /// <param name="time">Step time [s].</param>
    /// <param name="period">Period [s].</param>
    protected abstract void StepCore(double time, double period);

    private void OnLineWrite(int address, int count)
    {
        lock (_sync)
        {
            var w = Server[WatchdogRegister];
            var changed = w != _watchdog;
            _watchdog = w;
            if (changed)
            {
                _watchdogChangedAt = _time;
            }

            OnCommandWritten(address, count, changed);
        }
    }

    private void Serve(bool selfStepping)
    {
        var clock = Stopwatch.StartNew();
        var last = 0.0;
        var poll = TimeSpan.FromSeconds(Math.Max(0.001, StepPeriod / 2));
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (!_port.IsOpen)
                {
                    _port.Open();
                }

                Server.ServeOne(poll);
            }
            catch (SerialPortException)
            {
                // The pty's other end went away (socat killed): wait for it to come back.
                if (_port.IsOpen)
                {
                    _port.Close();
                    Interlocked.Increment(ref _lineDrops);
                }

                _stop.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(20));
            }

            var now = clock.Elapsed.TotalSeconds;
            if (now - last >= StepPeriod)
            {
                if (selfStepping)
                {
                    Step(now, now - last);
                }
                else
                {
                    Refresh();
                }

                last = now;
            }
        }
    }
}
