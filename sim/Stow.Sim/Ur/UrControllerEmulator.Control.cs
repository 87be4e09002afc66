using Stow.Core.Geometry;
using Stow.Hardware.Arm;
using Stow.Hardware.Ur;
using Stow.Hardware.Ur.Control;
using Stow.Hardware.Ur.Kinematics;
using Stow.Hardware.Ur.Rtde;

namespace Stow.Sim.Ur;

/// <summary>The controller model of <see cref="UrControllerEmulator"/>: modes, safety, the program, the arm.</summary>
public sealed partial class UrControllerEmulator
{
    private UrRobotMode _robotMode;
    private UrSafetyMode _safety = UrSafetyMode.Normal;
    private UrProgramState _program = UrProgramState.None;
    private RtdeState _io;
    private RtdeState _out;
    private double _watchdog;
    private double _acceleration;
    private double _stalled;
    private int _lastCounter;
    private double _protectiveStopAt = double.NegativeInfinity;
    private double _speedSlider = 1;
    private long _watchdogTrips;
    private bool _wasTripped;
    private long _programsRun;
    private long _unsupportedPrograms;

    /// <summary>Current robot mode.</summary>
    public UrRobotMode RobotMode
    {
        get
        {
            lock (_sync)
            {
                return _robotMode;
            }
        }
    }

    /// <summary>Current safety mode.</summary>
    public UrSafetyMode SafetyMode
    {
        get
        {
            lock (_sync)
            {
                return _safety;
            }
        }
    }

    /// <summary>State of the external-control program.</summary>
    public UrProgramState Program
    {
        get
        {
            lock (_sync)
            {
                return _program;
            }
        }
    }

    /// <summary>Times the program's watchdog stopped the arm (counter stalled past the watchdog time).</summary>
    public long WatchdogTrips => Interlocked.Read(ref _watchdogTrips);

    /// <summary>External-control programs started (secondary interface or play).</summary>
    public long ProgramsRun => Interlocked.Read(ref _programsRun);

    /// <summary>Programs refused as unsupported.</summary>
    public long UnsupportedPrograms => Interlocked.Read(ref _unsupportedPrograms);

    /// <summary>A copy of the latest published state (outputs and the inputs as last written).</summary>
    /// <returns>The state.</returns>
    public RtdeState Snapshot()
    {
        lock (_sync)
        {
            return _out;
        }
    }

    /// <summary>Loads a script received on the secondary interface.</summary>
    /// <param name="script">URScript text.</param>
    internal void LoadProgram(string script)
    {
        if (!UrControlScript.TryParseHeader(script, out var watchdog, out var acceleration))
        {
            Interlocked.Increment(ref _unsupportedPrograms);
            var first = script.TrimStart().Split('\n')[0].Trim();
            Broadcast($"unsupported program (the emulator runs only the stowcell external-control program): '{(first.Length > 60 ? first[..60] : first)}'", RtdeMessageLevel.Error);
            return;
        }

        string? refusal;
        lock (_sync)
        {
            _watchdog = watchdog;
            _acceleration = acceleration;
            refusal = StartProgramLocked();
        }

        if (refusal is not null)
        {
            Broadcast("program not started: " + refusal, RtdeMessageLevel.Error);
        }
    }

    /// <summary>Dashboard "play": restarts the last loaded program.</summary>
    internal bool Play()
    {
        lock (_sync)
        {
            return _program == UrProgramState.Stopped && StartProgramLocked() is null;
        }
    }

    /// <summary>Dashboard "stop".</summary>
    internal bool StopProgram()
    {
        lock (_sync)
        {
            if (_program != UrProgramState.Running)
            {
                return false;
            }

            EndProgramLocked();
            return true;
        }
    }

    /// <summary>Dashboard "power on" / "power off" / "brake release".</summary>
    internal void SetPower(bool on)
    {
        lock (_sync)
        {
            if (!on)
            {
                EndProgramLocked();
                _robotMode = UrRobotMode.PowerOff;
            }
            else if (_robotMode == UrRobotMode.PowerOff)
            {
                _robotMode = UrRobotMode.Idle;
            }
        }
    }

    /// <summary>Dashboard "brake release": IDLE → RUNNING.</summary>
    internal void ReleaseBrakes()
    {
        lock (_sync)
        {
            if (_robotMode == UrRobotMode.Idle && _safety == UrSafetyMode.Normal)
            {
                _robotMode = UrRobotMode.Running;
            }
        }
    }

    /// <summary>Dashboard "unlock protective stop".</summary>
    /// <returns>Null when unlocked; otherwise the controller's refusal text.</returns>
    internal string? UnlockProtectiveStop()
    {
        lock (_sync)
        {
            if (_safety != UrSafetyMode.ProtectiveStop)
            {
                return null;
            }

            if (Now - _protectiveStopAt < Options.ProtectiveStopUnlockDelay)
            {
                return "Cannot unlock protective stop until 5s after occurrence. Always inspect cause of protective stop before unlocking";
            }

            _arm.ResetProtectiveStop();
            _safety = UrSafetyMode.Normal;
            return null;
        }
    }

    /// <summary>Triggers a protective stop as the controller's safety system would (tests and fault injection).</summary>
    public void TriggerProtectiveStop() => _arm.TriggerProtectiveStop();

    private string? StartProgramLocked()
    {
        if (_robotMode != UrRobotMode.Running)
        {
            return "robot mode is " + UrNames.Name(_robotMode) + ", not RUNNING";
        }

        if (_safety != UrSafetyMode.Normal)
        {
            return "safety mode is " + UrNames.Name(_safety);
        }

        _program = UrProgramState.Running;
        _io.OutputIntRegisters[UrControlRegisters.ProgramState] = 1;
        _io.OutputIntRegisters[UrControlRegisters.WatchdogTripped] = 0;
        _lastCounter = _io.InputIntRegisters[UrControlRegisters.WatchdogCounter];
        _stalled = 0;
        Interlocked.Increment(ref _programsRun);
        return null;
    }

    private void EndProgramLocked()
    {
        if (_program == UrProgramState.Running)
        {
            _program = UrProgramState.Stopped;
        }

        _io.OutputIntRegisters[UrControlRegisters.ProgramState] = 0;
    }

    private void Tick(double t, double dt)
    {
        RtdeServerSession[] sessions;
        lock (_sync)
        {
            UpdateSafetyLocked(t);
            var twistBase = ProgramStepLocked(dt);
            var basePose = _arm.Options.BasePose;
            var rot = basePose.Orientation;
            var moving = _robotMode == UrRobotMode.Running && _safety == UrSafetyMode.Normal;
            var cmd = moving ? new Twist(rot.Rotate(twistBase.Linear), rot.Rotate(twistBase.Angular)) : Twist.Zero;
            _arm.SetSpeedScaling(_speedSlider);
            _arm.CommandTwist(cmd);
            _arm.Write(t, dt);
            _arm.Read(t, dt);
            Publish(t, basePose);
            sessions = [.. _sessions];
        }

        var tick = Interlocked.Increment(ref _ticks);
        foreach (var s in sessions)
        {
            s.Publish(_out, tick);
        }
    }

    private void UpdateSafetyLocked(double t)
    {
        var before = _safety;
        if (_cell.EStopPressed)
        {
            _safety = UrSafetyMode.RobotEmergencyStop;
            if (_robotMode == UrRobotMode.Running)
            {
                _robotMode = UrRobotMode.Idle;
            }
        }
        else if (_arm.ProtectiveStopLatched)
        {
            _safety = UrSafetyMode.ProtectiveStop;
            if (before != UrSafetyMode.ProtectiveStop)
            {
                _protectiveStopAt = t;
            }
        }
        else
        {
            _safety = UrSafetyMode.Normal;
        }

        if (_safety != UrSafetyMode.Normal)
        {
            EndProgramLocked();
        }

        if ((_io.SpeedSliderMask & 1) != 0 && double.IsFinite(_io.SpeedSliderFraction))
        {
            _speedSlider = Math.Clamp(_io.SpeedSliderFraction, 0, 1);
        }
    }

    /// <summary>One step of the external-control program: the twist to follow in the base frame.</summary>
    private Twist ProgramStepLocked(double dt)
    {
        if (_program != UrProgramState.Running)
        {
            return Twist.Zero;
        }

        var command = _io.InputIntRegisters[UrControlRegisters.Command];
        if (command == UrControlRegisters.CommandQuit)
        {
            EndProgramLocked();
            return Twist.Zero;
        }

        var counter = _io.InputIntRegisters[UrControlRegisters.WatchdogCounter];
        if (counter == _lastCounter)
        {
            _stalled += dt;
        }
        else
        {
            _stalled = 0;
            _lastCounter = counter;
        }

        var tripped = _stalled > _watchdog;
        _io.OutputIntRegisters[UrControlRegisters.WatchdogTripped] = tripped ? 1 : 0;
        if (tripped && !_wasTripped)
        {
            Interlocked.Increment(ref _watchdogTrips);
        }

        _wasTripped = tripped;
        if (command != UrControlRegisters.CommandSpeed || tripped)
        {
            return Twist.Zero;
        }

        var r = UrControlRegisters.TwistFirst;
        var d = _io.InputDoubleRegisters;
        var v = new Vec3(d[r], d[r + 1], d[r + 2]) * _speedSlider;
        var w = new Vec3(d[r + 3], d[r + 4], d[r + 5]) * _speedSlider;
        return Finite(v) && Finite(w) ? new Twist(v, w) : Twist.Zero;
    }

    private void Publish(double t, Pose basePose)
    {
        var s = _arm.State;
        var inv = basePose.Orientation.Conjugate;
        var tcp = basePose.Inverse() * s.TcpPose;
        var rv = RotationVector.FromQuat(tcp.Orientation);
        var o = _io;
        o.Timestamp = t;
        var qd = _arm.JointVelocities;
        for (var i = 0; i < 6; i++)
        {
            o.ActualQ[i] = s.JointPositions[i];
            o.TargetQ[i] = s.JointPositions[i];
            o.ActualQd[i] = qd[i];
            o.TargetQd[i] = qd[i];
        }

        Put(ref o.ActualTcpPose, tcp.Position, rv);
        o.TargetTcpPose = o.ActualTcpPose;
        Put(ref o.ActualTcpSpeed, inv.Rotate(s.TcpTwist.Linear), inv.Rotate(s.TcpTwist.Angular));
        o.TargetTcpSpeed = o.ActualTcpSpeed;
        Put(ref o.ActualTcpForce, inv.Rotate(s.TcpWrench.Force), inv.Rotate(s.TcpWrench.Torque));
        o.RobotMode = (int)_robotMode;
        o.SafetyMode = (int)_safety;
        o.SafetyStatus = (int)_safety;
        o.RuntimeState = (uint)(_program == UrProgramState.Running ? UrRuntimeState.Playing : UrRuntimeState.Stopped);
        o.SpeedScaling = _speedSlider;
        o.TargetSpeedFraction = _speedSlider;
        o.ActualExecutionTime = 0.1;
        o.RobotStatusBits = (_robotMode is UrRobotMode.Idle or UrRobotMode.Running ? 1u : 0u) | (_program == UrProgramState.Running ? 2u : 0u);
        o.SafetyStatusBits = 1u << ((int)_safety - 1);
        _out = o;
    }

    private static void Put(ref RtdeVector6 v, Vec3 a, Vec3 b)
    {
        v[0] = a.X;
        v[1] = a.Y;
        v[2] = a.Z;
        v[3] = b.X;
        v[4] = b.Y;
        v[5] = b.Z;
    }

    private static bool Finite(Vec3 v) => double.IsFinite(v.X) && double.IsFinite(v.Y) && double.IsFinite(v.Z);
}
