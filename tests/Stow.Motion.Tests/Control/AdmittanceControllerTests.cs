using Stow.Core.Geometry;
using Stow.Motion.Control;

namespace Stow.Motion.Tests.Control;

public class AdmittanceControllerTests
{
    [Fact]
    public void A_Constant_Force_Settles_At_Force_Over_Stiffness()
    {
        var options = new AdmittanceOptions { ForceDeadband = 0 };
        var admittance = new AdmittanceController(options);
        var reference = Pose.At(0.1, 0.2, 0.3);
        var push = new Wrench(new Vec3(0, 10, 0), Vec3.Zero);
        Pose command = reference;
        for (var i = 0; i < 5000; i++)
        {
            command = admittance.Update(reference, push, 0.001);
        }

        Assert.Equal(10 / options.Stiffness.Y, command.Position.Y - reference.Position.Y, 6);
        Assert.Equal(0, command.Position.X - reference.Position.X, 9);
        Assert.False(admittance.ForceLimitExceeded);
    }

    [Fact]
    public void Forces_Above_The_Limit_Are_Flagged_And_Noise_Is_Ignored()
    {
        var admittance = new AdmittanceController(new AdmittanceOptions { ForceLimit = 20, ForceDeadband = 1 });
        var reference = Pose.Identity;
        var noisy = admittance.Update(reference, new Wrench(new Vec3(0.5, -0.4, 0.3), Vec3.Zero), 0.001);
        Assert.Equal(reference.Position, noisy.Position);
        admittance.Update(reference, new Wrench(new Vec3(25, 0, 0), Vec3.Zero), 0.001);
        Assert.True(admittance.ForceLimitExceeded);
    }

    [Fact]
    public void The_Offset_Never_Exceeds_Its_Bound()
    {
        var admittance = new AdmittanceController(new AdmittanceOptions { MaxOffset = 0.01, ForceLimit = 1e6 });
        Pose command = Pose.Identity;
        for (var i = 0; i < 3000; i++)
        {
            command = admittance.Update(Pose.Identity, new Wrench(new Vec3(0, 0, -500), Vec3.Zero), 0.001);
        }

        Assert.True(command.Position.Length <= 0.01 + 1e-12);
    }
}
