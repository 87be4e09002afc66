using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Hardware.Lifecycle;
using Stow.Sim.Devices;
using Stow.Sim.Devices.Arm;
using Stow.Sim.Devices.Contact;
using Stow.Sim.Devices.Eoat;

namespace Stow.Sim.Tests.Devices;

/// <summary>Arm + EOAT on a shared cell, stepped by hand at 1 kHz (read, then write, as the loop does).</summary>
public sealed class SimDeviceRig
{
    public const double Dt = 0.001;

    public SimDeviceRig(int seed = 1, IContactGeometry? geometry = null, SimArmOptions? arm = null)
    {
        Cell = new SimCell(seed, geometry);
        Eoat = new SimEoat("eoat", Cell, new SimEoatOptions());
        Arm = new SimArm("arm", Cell, arm ?? new SimArmOptions());
        foreach (var c in new HardwareComponent[] { Eoat, Arm })
        {
            Assert.Equal(CallbackReturn.Success, c.Configure());
            Assert.Equal(CallbackReturn.Success, c.Activate());
        }
    }

    public SimCell Cell { get; }

    public SimArm Arm { get; }

    public SimEoat Eoat { get; }

    public double Time { get; private set; }

    public static BinSpec Bin() => new(new BinId(0, 0), 0.3, 0.25, 0.4, [0.08, 0.16], 0.01, Vec3.Zero);

    public void Step(int cycles = 1)
    {
        for (var i = 0; i < cycles; i++)
        {
            Time += Dt;
            Assert.Equal(HardwareResult.Ok, Eoat.Read(Time, Dt));
            Assert.Equal(HardwareResult.Ok, Arm.Read(Time, Dt));
            Assert.Equal(HardwareResult.Ok, Eoat.Write(Time, Dt));
            Assert.Equal(HardwareResult.Ok, Arm.Write(Time, Dt));
        }
    }
}
