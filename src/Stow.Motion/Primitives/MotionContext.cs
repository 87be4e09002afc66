using Stow.Core.Geometry;
using Stow.Hardware.Arm;
using Stow.Hardware.BandSeparator;
using Stow.Hardware.Eoat;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Safety;
using Stow.Motion.Control;

namespace Stow.Motion.Primitives;

/// <summary>
/// What a motion action sees and commands in one cycle: the devices, their states copied at the start of the
/// update stage, the compliant reference pose and the admittance controller. Poses are in the arm base frame,
/// calibrated to the pod face frame (x into the pod, y left, z up).
/// Threading: control-loop thread only (owned by a <see cref="MotionRunner"/>).
/// </summary>
public sealed class MotionContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="arm">The arm (pose command mode).</param>
    /// <param name="eoat">The EOAT.</param>
    /// <param name="bandSeparator">The band separator, or null in cells without one.</param>
    /// <param name="safety">The safety controller, or null (then only the arm's protective stop halts motion).</param>
    /// <param name="admittance">Admittance applied to every compliant pose command (null: defaults).</param>
    public MotionContext(IArm arm, IEoat eoat, IBandSeparator? bandSeparator, ISafety? safety, AdmittanceController? admittance = null)
    {
        Arm = arm;
        Eoat = eoat;
        BandSeparator = bandSeparator;
        Safety = safety;
        Admittance = admittance ?? new AdmittanceController(AdmittanceOptions.Default);
    }

    /// <summary>The arm.</summary>
    public IArm Arm { get; }

    /// <summary>The EOAT.</summary>
    public IEoat Eoat { get; }

    /// <summary>The band separator, or null.</summary>
    public IBandSeparator? BandSeparator { get; }

    /// <summary>The safety controller, or null.</summary>
    public ISafety? Safety { get; }

    /// <summary>The admittance controller.</summary>
    public AdmittanceController Admittance { get; }

    /// <summary>Cycle time [s].</summary>
    public double Time { get; private set; }

    /// <summary>Cycle period [s].</summary>
    public double Period { get; private set; }

    /// <summary>Arm states of this cycle.</summary>
    public ArmState ArmState { get; private set; }

    /// <summary>EOAT states of this cycle.</summary>
    public EoatState EoatState { get; private set; }

    /// <summary>The nominal (non-compliant) reference pose last commanded.</summary>
    public Pose Reference { get; set; }

    /// <summary>Last compliant pose command sent to the arm.</summary>
    public Pose LastCommand { get; private set; }

    /// <summary>True when the safety state allows motion, the arm is not protectively stopped and the hardware is ready.</summary>
    public bool MotionAllowed =>
        HardwareReady && !ArmState.ProtectiveStop && (Safety is null || Safety.State.MotionAllowed);

    /// <summary>True when the arm and the EOAT are Active (false after a comms loss sent one down its error path).</summary>
    public bool HardwareReady =>
        Arm.LifecycleState == LifecycleState.Active && Eoat.LifecycleState == LifecycleState.Active;

    /// <summary>Copies the device states for this cycle (called by the runner first in each update).</summary>
    /// <param name="time">Cycle time [s].</param>
    /// <param name="period">Cycle period [s].</param>
    public void Refresh(double time, double period)
    {
        Time = time;
        Period = period;
        ArmState = Arm.State;
        EoatState = Eoat.State;
    }

    /// <summary>Commands <paramref name="reference"/> through the admittance (x_cmd = x_ref + e).</summary>
    /// <param name="reference">Nominal TCP pose.</param>
    /// <returns>The arm's answer.</returns>
    public CommandStatus CommandCompliant(in Pose reference)
    {
        Reference = reference;
        var wrench = ArmState.TcpWrench;
        LastCommand = Admittance.Update(reference, wrench, Period);
        return Arm.CommandPose(LastCommand);
    }

    /// <summary>Holds the measured pose: reference := measured, admittance offsets cleared, belts stopped.</summary>
    public void Hold()
    {
        var p = ArmState.TcpPose;
        Reference = p;
        LastCommand = p;
        Admittance.Reset();
        Arm.CommandPose(p);
        Eoat.CommandBelts(0, 0);
    }
}
