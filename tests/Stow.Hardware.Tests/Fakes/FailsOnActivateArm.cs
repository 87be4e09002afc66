using Stow.Core.Geometry;
using Stow.Hardware.Arm;
using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.Tests.Fakes;

/// <summary>An arm whose on_activate returns a chosen failure code (ros2_control test_controller_failed_activate).</summary>
public sealed class FailsOnActivateArm : CommandedComponent, IArm
{
    private readonly CallbackReturn _activateResult;

    public FailsOnActivateArm(string name, CallbackReturn activateResult = CallbackReturn.Error)
        : base(name) => _activateResult = activateResult;

    public int ErrorHandled { get; private set; }

    public ArmState State => default;

    public CommandStatus CommandPose(in Pose target) => IsActive ? CommandStatus.Accepted : CommandStatus.NotActive;

    public CommandStatus CommandTwist(in Twist twist) => IsActive ? CommandStatus.Accepted : CommandStatus.NotActive;

    public CommandStatus SetSpeedScaling(double scaling) => IsActive ? CommandStatus.Accepted : CommandStatus.NotActive;

    public CommandStatus TriggerProtectiveStop() => CommandStatus.NotActive;

    public CommandStatus ResetProtectiveStop() => CommandStatus.NotActive;

    public override HardwareResult Read(double time, double period) => HardwareResult.Ok;

    public override HardwareResult Write(double time, double period) => HardwareResult.Ok;

    protected override CallbackReturn OnActivate() => _activateResult;

    protected override CallbackReturn OnError()
    {
        ErrorHandled++;
        return CallbackReturn.Success;
    }
}
