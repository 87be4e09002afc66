using Stow.Hardware.Lifecycle;
using Stow.Hardware.Management;
using Stow.Hardware.Safety;

namespace Stow.Hardware.Ur;

/// <summary>
/// The cell's safety status read from a UR controller's own safety system (the <c>safety_mode</c> the <see cref="UrArm"/>
/// receives over RTDE), for a cell without a separate safety PLC: the e-stop chain is open while the controller reports
/// an emergency stop (robot, system or safeguard e-stop), a protective stop is in force while it reports one, and the
/// heartbeat is the arm's RTDE stream (ok while the arm is readable and its latest state is younger than
/// <see cref="StaleAfter"/> on the loop's clock). The guard door is not wired to this controller: it reads closed.
/// Type key <see cref="TypeName"/>, parameters <c>arm</c> (component name of the <c>ur.arm</c>, default <c>arm</c>; it
/// must come before this component in the configuration) and <c>staleAfter</c> [s] (default 0.05).
/// Commands: a protective stop goes to the arm (<see cref="Arm.ArmComponent.TriggerProtectiveStop"/>), a reset to
/// <see cref="Arm.ArmComponent.ResetProtectiveStop"/>. Threading: control-loop thread, like the arm.
/// </summary>
public sealed class UrSafety : CommandedComponent, ISafety
{
    /// <summary>Type key in the <see cref="HardwareRegistry"/>.</summary>
    public const string TypeName = "ur.safety";

    private readonly UrArm _arm;
    private SafetyState _state;
    private double _lastArmStamp = double.NaN;
    private double _lastChange;

    /// <summary>Creates the component, Unconfigured.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="arm">The arm whose controller reports the safety mode.</param>
    /// <param name="staleAfter">Age of the arm's latest state past which the heartbeat counts as lost [s], &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="staleAfter"/> is not positive and finite.</exception>
    public UrSafety(string name, UrArm arm, double staleAfter = 0.05)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(arm);
        if (!(staleAfter > 0) || !double.IsFinite(staleAfter))
        {
            throw new ArgumentOutOfRangeException(nameof(staleAfter), staleAfter, "staleAfter must be finite and > 0 s");
        }

        _arm = arm;
        StaleAfter = staleAfter;
    }

    /// <summary>Age of the arm's latest state past which the heartbeat counts as lost [s].</summary>
    public double StaleAfter { get; }

    /// <inheritdoc />
    public SafetyState State => _state;

    /// <summary>Registers <see cref="TypeName"/>; the arm is looked up by name among the components built so far.</summary>
    /// <param name="registry">Registry to fill.</param>
    /// <param name="built">The components built so far, by name (the caller's registry adds to it).</param>
    public static void Register(HardwareRegistry registry, IReadOnlyDictionary<string, IHardwareComponent> built)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(built);
        registry.Register(TypeName, c =>
        {
            var armName = c.GetString("arm", "arm");
            if (!built.TryGetValue(armName, out var component) || component is not UrArm arm)
            {
                throw c.ParamError("arm", $"'{armName}' is not a {UrDrivers.ArmType} component listed before '{c.Name}'");
            }

            var stale = c.GetDouble("staleAfter", 0.05);
            if (!(stale > 0) || !double.IsFinite(stale))
            {
                throw c.ParamError("staleAfter", $"staleAfter {stale} s must be finite and > 0");
            }

            return new UrSafety(c.Name, arm, stale);
        });
    }

    /// <inheritdoc />
    public CommandStatus RequestProtectiveStop() => IsActive ? _arm.TriggerProtectiveStop() : CommandStatus.NotActive;

    /// <inheritdoc />
    public CommandStatus RequestReset()
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (!_state.EStopChainClosed)
        {
            return CommandStatus.Stopped;
        }

        return _state.ProtectiveStop ? _arm.ResetProtectiveStop() : CommandStatus.Accepted;
    }

    /// <inheritdoc />
    public override HardwareResult Read(double time, double period)
    {
        if (!IsReadable)
        {
            return HardwareResult.Error;
        }

        var armReadable = _arm.IsReadable;
        var s = _arm.State;
        if (s.Stamp != _lastArmStamp)
        {
            _lastArmStamp = s.Stamp;
            _lastChange = time;
            _state.HeartbeatCount++;
        }

        _state.EStopChainClosed = !armReadable || !s.EmergencyStop;
        _state.GuardDoorClosed = true;
        _state.ProtectiveStop = armReadable && s.ProtectiveStop;
        _state.HeartbeatOk = armReadable && time - _lastChange <= StaleAfter;
        _state.Stamp = time;
        return HardwareResult.Ok;
    }

    /// <inheritdoc />
    public override HardwareResult Write(double time, double period) => IsReadable ? HardwareResult.Ok : HardwareResult.Error;

    /// <inheritdoc />
    protected override CallbackReturn OnActivate()
    {
        _lastArmStamp = double.NaN;
        _lastChange = double.NaN;
        return CallbackReturn.Success;
    }
}
