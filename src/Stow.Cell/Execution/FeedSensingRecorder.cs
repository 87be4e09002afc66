using Stow.Hardware.Arm;
using Stow.Hardware.Eoat;
using Stow.Motion.Loop;

namespace Stow.Cell.Execution;

/// <summary>
/// Records, once per control cycle while the stow's insertion step runs, the EOAT's belt motor currents (the first
/// sample with the belts feeding as the baseline, and the peak) and the peak magnitude of the arm's measured TCP contact
/// force, for the cell's reading of the attempt (<see cref="Shift.FeedSensing"/>). No allocation in <see cref="Update"/>.
/// Threading: <see cref="Update"/> on the loop thread; <see cref="Reset"/> and <see cref="Snapshot"/> when the loop is
/// not running (between stows, on the shift thread that runs the loop synchronously).
/// </summary>
internal sealed class FeedSensingRecorder : IController
{
    private readonly IArm _arm;
    private readonly IEoat _eoat;
    private readonly Func<bool> _feeding;
    private double _baseline = double.NaN;
    private double _peakCurrent;
    private double _peakForce;
    private bool _seen;

    /// <summary>Creates the recorder.</summary>
    /// <param name="arm">The arm (its wrench sensor).</param>
    /// <param name="eoat">The EOAT (its belt currents).</param>
    /// <param name="feeding">True while the insertion step runs.</param>
    public FeedSensingRecorder(IArm arm, IEoat eoat, Func<bool> feeding)
    {
        _arm = arm;
        _eoat = eoat;
        _feeding = feeding;
    }

    /// <summary>Forgets the previous stow.</summary>
    public void Reset()
    {
        _baseline = double.NaN;
        _peakCurrent = 0;
        _peakForce = 0;
        _seen = false;
    }

    /// <inheritdoc />
    public void Update(double time, double period)
    {
        if (!_feeding() || !Readable(_eoat) || !Readable(_arm))
        {
            return;
        }

        _seen = true;
        var e = _eoat.State;
        var current = Math.Max(Math.Abs(e.LeftBeltCurrent), Math.Abs(e.RightBeltCurrent));
        if (double.IsNaN(_baseline) && (e.LeftBeltSpeed != 0 || e.RightBeltSpeed != 0))
        {
            _baseline = current;
        }

        _peakCurrent = Math.Max(_peakCurrent, current);
        _peakForce = Math.Max(_peakForce, _arm.State.TcpWrench.Force.Length);
    }

    private static bool Readable(Stow.Hardware.Lifecycle.IHardwareComponent c) =>
        c.LifecycleState is Stow.Hardware.Lifecycle.LifecycleState.Inactive or Stow.Hardware.Lifecycle.LifecycleState.Active;

    /// <summary>What the insertion felt, or null when no insertion cycle ran since <see cref="Reset"/>.</summary>
    /// <param name="jamCurrent">The insertion's jam current [A].</param>
    /// <param name="contactForceLimit">The insertion's contact force limit [N].</param>
    public Shift.FeedSensing? Snapshot(double jamCurrent, double contactForceLimit) =>
        _seen ? new Shift.FeedSensing(double.IsNaN(_baseline) ? _peakCurrent : _baseline, _peakCurrent, _peakForce, jamCurrent, contactForceLimit) : null;
}
