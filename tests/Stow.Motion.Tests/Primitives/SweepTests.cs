using Stow.Core.Geometry;
using Stow.Core.Space;
using Stow.Motion.Primitives;
using Stow.Motion.Tests.Support;
using Stow.Sim.Devices.Contact;

namespace Stow.Motion.Tests.Primitives;

public class SweepTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Force_Limit_Stops_A_Sweep_Pushed_Against_A_Wall()
    {
        var rig = new SimRig();
        var limits = PrimitiveLimits.Default;
        // Start 5 cm from the left wall (y = 0.3) and ask for 15 cm: the spatula must meet the wall.
        var sweep = new SweepAction(rig.Bin, new PrimitiveStep(Primitive.SweepLeft, 0.25, 0.1, 0.15), limits);
        var maxForce = 0.0;
        var r = rig.RunToEnd(sweep, 20, () => maxForce = Math.Max(maxForce, rig.Arm.TrueWrench.Force.Length));

        output.WriteLine($"max contact force {maxForce:F1} N, limit {limits.ContactForceLimit} N");
        Assert.Equal(ActionResult.Failed(FailureReason.ForceLimit), r);
        Assert.True(maxForce > limits.ContactForceLimit * 0.9, $"the wall was touched (max {maxForce:F1} N)");
        Assert.True(maxForce <= limits.ContactForceLimit + 10, $"force stayed within limit + 10 N margin (max {maxForce:F1} N)");
        // The fabric wall is soft (5 kN/m): at the limit the blade is a few millimetres into it, no more.
        Assert.True(rig.Arm.State.TcpPose.Position.Y < 0.3 + 0.01, "the spatula did not go through the wall");
    }

    [Fact]
    public void Sweep_Pushes_Boxes_Aside_And_Frees_Measurable_Width()
    {
        var bin = SimRig.TestBin();
        var geometry = StaticContactGeometry.ForBin(bin);
        var a = geometry.AddItem(new Box3(new Vec3(0.05, 0.06, 0), new Vec3(0.25, 0.12, 0.15)), 0.3);
        var b = geometry.AddItem(new Box3(new Vec3(0.08, 0.14, 0), new Vec3(0.22, 0.20, 0.12)), 0.4);
        var rig = new SimRig(geometry: geometry, bin: bin);
        var freeBefore = FreeWidthAtRight(geometry, a, b);

        var sweep = new SweepAction(bin, new PrimitiveStep(Primitive.SweepLeft, 0.03, 0.06, 0.12), PrimitiveLimits.Default);
        var r = rig.RunToEnd(sweep, 20);

        Assert.Equal(ActionResult.Succeeded, r);
        var freeAfter = FreeWidthAtRight(geometry, a, b);
        Assert.True(freeAfter - freeBefore > 0.08, $"free width {freeBefore:F3} m -> {freeAfter:F3} m");
        Assert.True(geometry.Solids[b].Box.Max.Y <= 0.3 + 1e-6, "boxes stay inside the bin");
    }

    [Fact]
    public void A_Sweep_Pushing_A_Heavy_Item_Ends_At_Its_Compliant_Equilibrium_Instead_Of_Timing_Out()
    {
        // 2.5 kg: sliding friction 0.4 · 2.5 · 9.81 ≈ 9.8 N holds the compliant TCP about 10 mm short of the target
        // (admittance 1000 N/m), more than the 3 mm position tolerance: the sweep has still done its work.
        var bin = SimRig.TestBin();
        var geometry = StaticContactGeometry.ForBin(bin);
        var item = geometry.AddItem(new Box3(new Vec3(0.05, 0.06, 0), new Vec3(0.25, 0.12, 0.15)), 2.5);
        var rig = new SimRig(geometry: geometry, bin: bin);
        var minY = geometry.Solids[item].Box.Min.Y;

        var sweep = new SweepAction(bin, new PrimitiveStep(Primitive.SweepLeft, 0.03, 0.06, 0.08), PrimitiveLimits.Default);
        var r = rig.RunToEnd(sweep, 20);

        Assert.Equal(ActionResult.Succeeded, r);
        Assert.True(geometry.Solids[item].Box.Min.Y - minY > 0.02, $"the item moved {geometry.Solids[item].Box.Min.Y - minY:F3} m");
    }

    [Fact]
    public void The_Spatula_Stops_Where_It_Meets_An_Item_Jammed_Against_The_Back_And_The_Sweep_Goes_On()
    {
        // An item filling the bin's depth behind x = 0.06 m sits in front of the blade: it cannot slide deeper. The
        // guarded extension stops on the contact threshold instead of driving into it up to the force limit.
        var bin = SimRig.TestBin();
        var geometry = StaticContactGeometry.ForBin(bin);
        geometry.AddItem(new Box3(new Vec3(0.06, 0.0, 0), new Vec3(bin.Depth, 0.10, 0.15)), 0.5);
        var rig = new SimRig(geometry: geometry, bin: bin);
        var limits = PrimitiveLimits.Default;
        var maxExtension = 0.0;
        var maxForce = 0.0;

        var sweep = new SweepAction(bin, new PrimitiveStep(Primitive.SweepLeft, 0.05, 0.06, 0.10, 0.15), limits);
        var r = rig.RunToEnd(sweep, 20, () =>
        {
            maxExtension = Math.Max(maxExtension, rig.Eoat.State.SpatulaExtension);
            maxForce = Math.Max(maxForce, rig.Arm.TrueWrench.Force.Length);
        });

        output.WriteLine($"blade reached {maxExtension:F3} m of 0.15 m, max force {maxForce:F1} N");
        Assert.Equal(ActionResult.Succeeded, r);
        Assert.True(maxExtension < 0.12, $"the blade stopped at the item (reached {maxExtension:F3} m)");
        Assert.True(maxForce < limits.ContactForceLimit, $"max force {maxForce:F1} N");
    }

    private static double FreeWidthAtRight(StaticContactGeometry g, int a, int b) =>
        Math.Min(g.Solids[a].Box.Min.Y, g.Solids[b].Box.Min.Y);
}
