using Stow.Cell.Reporting;

namespace Stow.Cell.Tests.Reporting;

public class WilsonIntervalTests
{
    /// <summary>
    /// Reference values: the closed form of Wilson (1927) with z = 1.959963984540054, evaluated independently in Python
    /// (double precision) for this test; 384 of 403 is the README's default run.
    /// </summary>
    [Theory(Timeout = 10_000)]
    [InlineData(8, 10, 0.4901624715366418, 0.9433178485456248)]
    [InlineData(0, 10, 0.0, 0.2775327998628892)]
    [InlineData(10, 10, 0.7224672001371107, 1.0)]
    [InlineData(384, 403, 0.9275429748548594, 0.9696123963258962)]
    [InlineData(1, 1, 0.20654931437723745, 1.0)]
    public async Task The_Interval_Matches_Known_Values(int successes, int trials, double low, double high)
    {
        await Task.Yield();
        var ci = WilsonInterval.Compute(successes, trials);

        Assert.Equal(2, ci.Length);
        Assert.Equal(low, ci[0], 12);
        Assert.Equal(high, ci[1], 12);
    }

    [Fact(Timeout = 10_000)]
    public async Task No_Trials_Give_The_Whole_Unit_Interval()
    {
        await Task.Yield();
        Assert.Equal([0.0, 1.0], WilsonInterval.Compute(0, 0));
    }

    [Theory(Timeout = 10_000)]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, -1)]
    public async Task Impossible_Counts_Are_Refused(int successes, int trials)
    {
        await Task.Yield();
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Compute(successes, trials));
    }
}
