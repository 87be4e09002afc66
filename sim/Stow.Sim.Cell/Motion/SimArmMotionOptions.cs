using Stow.Core.Geometry;
using Stow.Motion.Primitives;
using Stow.Sim.Devices;

namespace Stow.Sim.Cell.Motion;

/// <summary>Settings of <see cref="SimArmMotion"/>. Immutable.</summary>
public sealed record SimArmMotionOptions
{
    /// <summary>
    /// TCP pose of the pick at the induct, in the pod face frame [m]: every stow starts by carrying the paddles there
    /// (<see cref="PickAction"/>), where the item is taken, so the travel counts in the stow's time. Default: 0.6 m in front
    /// of the face, 0.3 m beside its right edge, 0.8 m up (an assumed station layout). Null: no pick (the item is in the
    /// paddles where the arm stands).
    /// </summary>
    public Pose? InductPose { get; init; } = Pose.At(-0.6, -0.3, 0.8);

    /// <summary>Seed of the simulated devices (F/T noise and every other device random stream).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Control-loop rate [Hz]; the contract allows 500–1000 Hz.</summary>
    public double RateHz { get; init; } = 500;

    /// <summary>Simulated-time bound of one stow sequence [s]; past it the sequence is halted and reported as a timeout.</summary>
    public double TimeLimitSeconds { get; init; } = 60;

    /// <summary>
    /// True (default): the arm touches the world's pod as it is, walls and items
    /// (<see cref="Stow.Sim.Devices.Contact.SimPodContactGeometry"/>: an item slides under the tool once the contact
    /// force beats its friction μ·m·g, until it meets a wall or a jammed row, so a sweep into a full row stops on the
    /// contact force limit; the world's chain model then places the items). False: the arm touches the bin
    /// structure only (floors, ceilings, side walls, backs of every bin of the pod type) and the world's outcome
    /// model alone decides what the primitives do to the contents.
    /// </summary>
    public bool ItemContact { get; init; } = true;

    /// <summary>
    /// True: a stow whose sequence succeeded releases the item into the world (<see cref="World.SimShiftWorld.Apply"/>,
    /// the simulator's side of the shift's HAL-only motion). False (default): the caller applies stows to the world itself
    /// (a shift whose world port is the <see cref="World.SimShiftWorld"/>, tools and tests).
    /// </summary>
    public bool ApplyToWorld { get; init; }

    /// <summary>Hardware configuration (a <c>hardware</c> section with sim.* components).</summary>
    public string HardwareConfigJson { get; init; } = SimHardware.DefaultConfigJson;

    /// <summary>
    /// Path of a live-sim cell configuration (<c>config/cell.live-sim.json</c>): when set, the hardware is built by a
    /// <see cref="Stow.Sim.Emulators.LiveSimRig"/> (real Modbus RTU drivers over socat pty pairs to emulators on the
    /// shared <see cref="SimCell"/>, stepped by the loop each cycle) instead of <see cref="HardwareConfigJson"/>.
    /// Null (default): simulated hardware only.
    /// </summary>
    public string? LiveSimConfigPath { get; init; }

    /// <summary>
    /// Primitive speeds and bounds used by the plan builder. Defaults: <see cref="TunedLimits"/>.
    /// </summary>
    public PrimitiveLimits Limits { get; init; } = TunedLimits;

    /// <summary>Limits tuned for throughput: the cell's own (<see cref="Stow.Cell.Execution.HalStowMotionOptions.TunedLimits"/>).</summary>
    public static PrimitiveLimits TunedLimits => Stow.Cell.Execution.HalStowMotionOptions.TunedLimits;
}
