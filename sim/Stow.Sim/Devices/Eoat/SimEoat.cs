using Stow.Hardware.Eoat;
using Stow.Hardware.Lifecycle;
using Stow.Sim.Devices.Faults;

namespace Stow.Sim.Devices.Eoat;

/// <summary>
/// Simulated EOAT. Each <c>Read</c> integrates one period: paddles move at the paddle speed and stop where the
/// squeeze force k·(item width − gap) reaches the commanded limit; belts follow their set-points first-order;
/// the held item (<see cref="SimCell.HeldItem"/>) moves along the feed axis at the mean belt speed; beams see
/// it while it spans their positions; once its rear face passes the front beam (near the paddle tips) it is released into the bin. A belt jam
/// (<see cref="SimFaultKnobs.BeltJam"/>) stops belts and item and draws the stall current.
/// Publishes spatula extension and paddle gap to <see cref="SimCell"/> for the arm's contact model.
/// Threading and lifecycle: as <see cref="IEoat"/>.
/// </summary>
public sealed class SimEoat : CommandedComponent, IEoat
{
    private readonly SimCell _cell;
    private readonly SimEoatOptions _o;
    private EoatCommand _pending;
    private EoatCommand _active;
    private EoatState _state;
    private double _gap;
    private double _left;
    private double _right;
    private double _spatula;

    /// <summary>Creates the EOAT, Unconfigured.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="cell">Shared simulation state.</param>
    /// <param name="options">Actuator model.</param>
    /// <param name="faults">Fault knobs (null: none).</param>
    public SimEoat(string name, SimCell cell, SimEoatOptions options, SimFaultKnobs? faults = null)
        : base(name)
    {
        _cell = cell;
        _o = options;
        Faults = faults ?? new SimFaultKnobs();
        _gap = cell.PaddleGap;
    }

    /// <summary>Fault knobs, settable at any time.</summary>
    public SimFaultKnobs Faults { get; }

    /// <inheritdoc/>
    public EoatState State => _state;

    /// <summary>Places an item between the paddles, its front face just past the front beam, gripped with 20 N (test/world set-up, outside the loop).</summary>
    /// <param name="length">Extent along the feed axis [m].</param>
    /// <param name="width">Extent across the paddles [m].</param>
    /// <param name="mass">Mass [kg].</param>
    public void LoadItem(double length, double width, double mass)
    {
        var tool = _cell.Tool;
        _cell.HeldItem = new SimHeldItem(length, width, mass, Math.Min(tool.PaddleLength, tool.FrontBeamX + 0.01));
        const double grip = 20;
        _gap = width - (grip / _o.ItemSqueezeStiffness);
        _pending.PaddleGap = 0;
        _pending.SqueezeForceLimit = grip;
        _active.PaddleGap = 0;
        _active.SqueezeForceLimit = grip;
    }

    /// <inheritdoc/>
    public CommandStatus CommandPaddles(double gap, double squeezeForceLimit)
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (!(gap >= 0 && gap <= _o.MaxPaddleGap) || !(squeezeForceLimit >= 0) || !double.IsFinite(squeezeForceLimit))
        {
            return CommandStatus.Invalid;
        }

        _pending.PaddleGap = gap;
        _pending.SqueezeForceLimit = squeezeForceLimit;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc/>
    public CommandStatus CommandBelts(double left, double right)
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (!(Math.Abs(left) <= _o.MaxBeltSpeed) || !(Math.Abs(right) <= _o.MaxBeltSpeed))
        {
            return CommandStatus.Invalid;
        }

        _pending.LeftBeltSpeed = left;
        _pending.RightBeltSpeed = right;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc/>
    public CommandStatus CommandSpatula(double extension)
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (!(extension >= 0 && extension <= _cell.Tool.SpatulaStroke))
        {
            return CommandStatus.Invalid;
        }

        _pending.SpatulaExtension = extension;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc/>
    public override HardwareResult Read(double time, double period)
    {
        if (Faults.CommsLoss)
        {
            return HardwareResult.Error;
        }

        var dt = Math.Clamp(period, 0, 0.1);
        var item = _cell.HeldItem;
        var jam = Faults.BeltJam;

        // Paddles.
        var step = _o.PaddleSpeed * dt;
        var target = _active.PaddleGap;
        if (item is not null && _active.SqueezeForceLimit >= 0)
        {
            target = Math.Max(target, item.Width - (_active.SqueezeForceLimit / _o.ItemSqueezeStiffness));
        }

        _gap += Math.Clamp(target - _gap, -step, step);
        var squeeze = item is null ? 0 : Math.Max(0, _o.ItemSqueezeStiffness * (item.Width - _gap));

        // Belts.
        var alpha = dt / (_o.BeltTimeConstant + dt);
        _left = jam ? 0 : _left + (alpha * (_active.LeftBeltSpeed - _left));
        _right = jam ? 0 : _right + (alpha * (_active.RightBeltSpeed - _right));
        var load = item is null ? 0 : _o.CurrentPerKilogram * item.Mass;
        var iLeft = jam && _active.LeftBeltSpeed != 0 ? _o.StallCurrent : _o.NoLoadCurrent + (_o.CurrentPerSpeed * Math.Abs(_left)) + load;
        var iRight = jam && _active.RightBeltSpeed != 0 ? _o.StallCurrent : _o.NoLoadCurrent + (_o.CurrentPerSpeed * Math.Abs(_right)) + load;

        // Held item: it moves only while gripped (squeezed) by the belts.
        var tool = _cell.Tool;
        if (item is not null && squeeze > 0)
        {
            item.FeedPosition += 0.5 * (_left + _right) * dt;
            if (item.FeedPosition - item.Length > tool.FrontBeamX)
            {
                _cell.HeldItem = null;
                _cell.ItemsReleased++;
                item = null;
            }
        }

        // Spatula.
        var sStep = _o.SpatulaSpeed * dt;
        _spatula += Math.Clamp(_active.SpatulaExtension - _spatula, -sStep, sStep);
        _cell.SpatulaExtension = _spatula;
        _cell.PaddleGap = _gap;

        if (Faults.FreezeSensor)
        {
            return HardwareResult.Ok;
        }

        _state.PaddleGap = _gap;
        _state.SqueezeForce = item is null ? 0 : squeeze;
        _state.LeftBeltSpeed = _left;
        _state.RightBeltSpeed = _right;
        _state.LeftBeltCurrent = iLeft;
        _state.RightBeltCurrent = iRight;
        _state.SpatulaExtension = _spatula;
        _state.RearBeamBlocked = item is not null && Covers(item, tool.RearBeamX);
        _state.FrontBeamBlocked = item is not null && Covers(item, tool.FrontBeamX);
        _state.Stamp = time;
        return HardwareResult.Ok;
    }

    /// <inheritdoc/>
    public override HardwareResult Write(double time, double period)
    {
        if (Faults.CommsLoss)
        {
            return HardwareResult.Error;
        }

        if (!Faults.DropCommands)
        {
            _active = _pending;
        }

        return HardwareResult.Ok;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnActivate()
    {
        _pending = new EoatCommand { PaddleGap = _gap, SqueezeForceLimit = 20, SpatulaExtension = _spatula };
        _active = _pending;
        return CallbackReturn.Success;
    }

    /// <inheritdoc/>
    protected override CallbackReturn OnDeactivate()
    {
        _pending.LeftBeltSpeed = 0;
        _pending.RightBeltSpeed = 0;
        _active = _pending;
        return CallbackReturn.Success;
    }

    private static bool Covers(SimHeldItem item, double x) => item.FeedPosition - item.Length <= x && x <= item.FeedPosition;
}
