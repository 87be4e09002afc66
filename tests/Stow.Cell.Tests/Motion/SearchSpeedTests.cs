using Stow.Motion.Primitives;

namespace Stow.Cell.Tests.Motion;

/// <summary>The guarded search's speed leaves room to stop between the contact threshold and the force limit.</summary>
public class SearchSpeedTests
{
    /// <summary>UR5e's TCP acceleration (datasheet) [m/s²], the simulated arm's default.</summary>
    private const double Acceleration = 1.2;

    /// <summary>Stiffness of the contents the search meets [N/m] (fabric wall and boxed items, StaticContactGeometry).</summary>
    private const double ContentsStiffness = 5000;

    [Theory]
    [InlineData(500)]
    [InlineData(1000)]
    public void The_Overshoot_After_The_Threshold_Stays_Under_Half_The_Margin_To_The_Force_Limit(double rateHz)
    {
        foreach (var limits in new[] { PrimitiveLimits.Default, Stow.Cell.Execution.HalStowMotionOptions.TunedLimits })
        {
            var v = limits.SearchSpeed;
            var overshoot = (v * v / (2 * Acceleration)) + (v / rateHz);
            var margin = (limits.ContactForceLimit - limits.ContactThreshold) / ContentsStiffness;
            Assert.True(overshoot < margin / 2, $"search at {v} m/s overshoots {overshoot * 1000:F2} mm; margin {margin * 1000:F2} mm");
        }
    }

    [Fact]
    public void The_Tuned_Contact_Speed_Would_Not_Leave_That_Room()
    {
        // Why the search has its own speed: the tuned contact speed (0.1 m/s) overshoots about as far as the whole margin.
        var t = Stow.Cell.Execution.HalStowMotionOptions.TunedLimits;
        var overshoot = (t.ContactSpeed * t.ContactSpeed / (2 * Acceleration)) + (t.ContactSpeed / 500);
        Assert.True(overshoot >= (t.ContactForceLimit - t.ContactThreshold) / ContentsStiffness / 2);
    }
}
