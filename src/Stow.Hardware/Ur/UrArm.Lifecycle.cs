using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Stow.Hardware.Arm;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Ur.Control;
using Stow.Hardware.Ur.Dashboard;
using Stow.Hardware.Ur.Rtde;

namespace Stow.Hardware.Ur;

/// <summary>Lifecycle of <see cref="UrArm"/>: connect, bring the arm up, start and end the control program, recover.</summary>
public sealed partial class UrArm
{
    private static readonly string[] CommandFields =
    [
        "input_int_register_" + UrControlRegisters.Command, "input_int_register_" + UrControlRegisters.WatchdogCounter,
        "input_double_register_" + UrControlRegisters.TwistFirst, "input_double_register_" + (UrControlRegisters.TwistFirst + 1),
        "input_double_register_" + (UrControlRegisters.TwistFirst + 2), "input_double_register_" + (UrControlRegisters.TwistFirst + 3),
        "input_double_register_" + (UrControlRegisters.TwistFirst + 4), "input_double_register_" + (UrControlRegisters.TwistFirst + 5),
        "speed_slider_mask", "speed_slider_fraction",
    ];

    /// <summary>
    /// Operator-assisted recovery after a protective stop (outside the loop): closes the safety popup, unlocks the
    /// protective stop, releases the brakes if needed and restarts the control program.
    /// </summary>
    /// <param name="error">What failed, when it did.</param>
    /// <returns>True when the program runs again.</returns>
    public bool Recover(out string error)
    {
        error = string.Empty;
        if (!IsActive || _dashboard is null)
        {
            error = "ur.arm is not active";
            return false;
        }

        try
        {
            ClearHostStop();
            if (Latest().SafetyStatus == (int)UrSafetyMode.ProtectiveStop)
            {
                _dashboard.CloseSafetyPopup();
                _dashboard.UnlockProtectiveStop();
            }

            BringUp();
            StartProgram();
            return true;
        }
        catch (Exception e) when (e is UrDashboardException or RtdeException or SocketException or IOException or TimeoutException)
        {
            error = e.Message;
            return false;
        }
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnConfigure()
    {
        try
        {
            _rtde = new RtdeClient(new RtdeClientOptions { ConnectTimeout = Seconds(_options.ActivateTimeout) });
            _rtde.Connect(_options.Host, _options.RtdePort);
            if (!_rtde.NegotiateProtocolVersion())
            {
                return Fail("controller refused RTDE protocol version 2");
            }

            ControllerVersion = _rtde.GetControllerVersion();
            _rtde.SetupOutputs(OutputFields, _options.Frequency);
            _commandRecipe = SetupCommandInputs(_rtde);
            if (!_rtde.Start())
            {
                return Fail("controller refused to start RTDE synchronisation");
            }

            if (!_rtde.WaitForNextState(0, Seconds(_options.ActivateTimeout), out _latest))
            {
                return Fail("no RTDE state within activateTimeout");
            }

            _dashboard = new UrDashboardClient(Seconds(_options.ActivateTimeout));
            _dashboard.Connect(_options.Host, _options.DashboardPort);
            _readSequence = 0;
            return CallbackReturn.Success;
        }
        catch (Exception e) when (e is RtdeException or SocketException or UrDashboardException or IOException)
        {
            return Fail(e.Message);
        }
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnActivate()
    {
        try
        {
            var s = Latest();
            if (s.SafetyStatus is (int)UrSafetyMode.RobotEmergencyStop or (int)UrSafetyMode.SystemEmergencyStop)
            {
                LastError = "ur.arm: the controller reports an emergency stop";
                return CallbackReturn.Failure;
            }

            if (s.SafetyStatus == (int)UrSafetyMode.ProtectiveStop)
            {
                // Activation is the operator's go-ahead (after a fault was cleared): unlock as Recover does.
                _dashboard!.CloseSafetyPopup();
                _dashboard.UnlockProtectiveStop();
            }

            BringUp();
            Pending = new ArmCommand { Mode = (ArmCommandMode)Mode, TargetPose = _state.TcpPose, SpeedScaling = 1, HasTarget = false };
            ClearHostStop();
            StartProgram();
            return CallbackReturn.Success;
        }
        catch (Exception e) when (e is RtdeException or SocketException or UrDashboardException or IOException or TimeoutException)
        {
            LastError = _failureDetail = "ur.arm activate: " + e.Message;
            return CallbackReturn.Failure;
        }
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnDeactivate()
    {
        EndProgram();
        Pending.HasTarget = false;
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnCleanup()
    {
        CloseAll();
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnShutdown()
    {
        EndProgram();
        CloseAll();
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnError()
    {
        EndProgram();
        CloseAll();
        return CallbackReturn.Success;
    }

    private static TimeSpan Seconds(double s) => TimeSpan.FromSeconds(s);

    /// <summary>
    /// Sets up the command inputs, retrying while the controller still answers IN_USE: after this driver's own
    /// connection was reset (error path, reconfigure), the controller releases the old connection's inputs only once
    /// it has seen that connection close.
    /// </summary>
    private RtdeInputRecipe SetupCommandInputs(RtdeClient c)
    {
        var sw = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return c.SetupInputs(CommandFields);
            }
            catch (RtdeException e) when (e.Message.Contains("IN_USE", StringComparison.Ordinal) && sw.Elapsed < Seconds(_options.ActivateTimeout))
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <inheritdoc/>
    protected override string FailureDetail => _failureDetail;

    private CallbackReturn Fail(string why)
    {
        CloseAll();
        LastError = _failureDetail = $"controller {_options.Host} (RTDE port {_options.RtdePort}, dashboard port {_options.DashboardPort}): {why}";
        return CallbackReturn.Failure;
    }

    private RtdeState Latest()
    {
        var c = _rtde ?? throw new RtdeException("not connected");
        c.TryGetLatest(out var s);
        return s;
    }

    /// <summary>Powers the arm on and releases the brakes when needed, waiting for each mode on the RTDE states.</summary>
    private void BringUp()
    {
        var dash = _dashboard ?? throw new UrDashboardException("not connected");
        if (Latest().RobotMode is (int)UrRobotMode.PowerOff or (int)UrRobotMode.PowerOn)
        {
            dash.PowerOn();
            WaitFor(s => s.RobotMode is (int)UrRobotMode.Idle or (int)UrRobotMode.Running, "robot mode IDLE after power on");
        }

        if (Latest().RobotMode != (int)UrRobotMode.Running)
        {
            dash.BrakeRelease();
            WaitFor(s => s.RobotMode == (int)UrRobotMode.Running, "robot mode RUNNING after brake release");
        }
    }

    /// <summary>
    /// Sends the control program through the secondary interface and waits until it reports running, keeping the
    /// connection open until then: the controller streams robot state on that port, and closing a socket with unread
    /// data in it resets the connection (TCP RST), which could drop script lines the controller had not read yet.
    /// </summary>
    private void StartProgram()
    {
        var c = _rtde ?? throw new RtdeException("not connected");
        _inputs.InputIntRegisters[UrControlRegisters.Command] = UrControlRegisters.CommandHold;
        _inputs.InputIntRegisters[UrControlRegisters.WatchdogCounter]++;
        _inputs.SpeedSliderMask = 1;
        _inputs.SpeedSliderFraction = Pending.SpeedScaling > 0 ? Pending.SpeedScaling : 1;
        c.Send(_commandRecipe!, _inputs);
        using (var tcp = new TcpClient { NoDelay = true })
        {
            using var cts = new CancellationTokenSource(Seconds(_options.ActivateTimeout));
            tcp.ConnectAsync(_options.Host, _options.SecondaryPort, cts.Token).AsTask().GetAwaiter().GetResult();
            var script = Encoding.UTF8.GetBytes(UrControlScript.Build(_options.WatchdogTimeout, _options.Acceleration));
            tcp.GetStream().Write(script);
            WaitFor(s => s.OutputIntRegisters[UrControlRegisters.ProgramState] == 1, "the control program to run");
        }
    }

    /// <summary>Asks the program to end (quit command) and waits briefly; never throws.</summary>
    private void EndProgram()
    {
        var c = _rtde;
        var recipe = _commandRecipe;
        if (c is null || recipe is null || !c.IsConnected)
        {
            return;
        }

        _inputs.InputIntRegisters[UrControlRegisters.Command] = UrControlRegisters.CommandQuit;
        _inputs.InputIntRegisters[UrControlRegisters.WatchdogCounter]++;
        if (!c.Send(recipe, _inputs))
        {
            return;
        }

        try
        {
            WaitFor(s => s.OutputIntRegisters[UrControlRegisters.ProgramState] != 1, "the control program to end");
        }
        catch (TimeoutException e)
        {
            LastError = e.Message;
        }
    }

    private void WaitFor(Func<RtdeState, bool> condition, string what)
    {
        var c = _rtde ?? throw new RtdeException("not connected");
        var sw = Stopwatch.StartNew();
        var deadline = Seconds(_options.ActivateTimeout);
        c.TryGetLatest(out var s);
        while (!condition(s))
        {
            var left = deadline - sw.Elapsed;
            if (left <= TimeSpan.Zero || !c.IsConnected)
            {
                throw new TimeoutException($"ur.arm: waited {_options.ActivateTimeout} s for {what} ({(c.IsConnected ? "timeout" : c.FaultReason)})");
            }

            c.WaitForNextState(s.Sequence, left, out s);
        }
    }

    private void CloseAll()
    {
        _rtde?.Dispose();
        _dashboard?.Dispose();
        _rtde = null;
        _dashboard = null;
        _commandRecipe = null;
    }
}
