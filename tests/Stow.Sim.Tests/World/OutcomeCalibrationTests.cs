using Xunit.Abstractions;

namespace Stow.Sim.Tests.World;

public class OutcomeCalibrationTests(ITestOutputHelper output)
{
    [Fact(Timeout = 300_000)]
    public async Task A_sensible_planner_on_real_ARC_2017_items_reaches_at_least_90_percent_success_and_at_most_2_percent_defects()
    {
        await Task.Yield();
        var rates = CalibrationPlanners.RunSensible(WorldTestData.Arc2017(), 400, 2017, 0.90);
        output.WriteLine("sensible: " + rates);
        Assert.True(rates.Success >= 0.90, rates.ToString());
        Assert.True(rates.DefectRate <= 0.02, rates.ToString());
        Assert.True(rates.PodSwaps >= 1, "the run should fill at least one pod: " + rates);
    }

    [Fact(Timeout = 300_000)]
    public async Task A_naive_planner_that_takes_tight_fits_does_clearly_worse_than_the_sensible_one()
    {
        await Task.Yield();
        var items = WorldTestData.Arc2017();
        var naive = CalibrationPlanners.RunNaive(items, 3000, 2017);
        output.WriteLine("naive: " + naive);
        Assert.True(naive.Success < 0.90, naive.ToString());
        Assert.True(naive.UnproductiveRate > 0.05, naive.ToString());
    }
}
