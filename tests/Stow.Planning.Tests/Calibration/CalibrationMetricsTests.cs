namespace Stow.Planning.Tests.Calibration;

using Stow.Core.Outcomes;
using Stow.Planning.Calibration;
using Stow.Planning.Risk;

public class CalibrationMetricsTests
{
    [Fact]
    public void Brier_Score_Of_Known_Predictions_Is_Their_Mean_Squared_Error()
    {
        var r = CalibrationMetrics.Compute([1.0, 0.0, 0.5, 0.5], [true, false, true, false]);
        Assert.Equal(0.125, r.Brier, 12);
        Assert.Equal(4, r.Count);
        Assert.Equal(0.5, r.MeanPredicted, 12);
        Assert.Equal(0.5, r.ObservedRate, 12);
    }

    [Fact]
    public void Ece_Weights_Each_Bin_Gap_By_Its_Share_Of_Predictions()
    {
        double[] p = [0.15, 0.15, 0.15, 0.15, 0.85, 0.85, 0.85, 0.85];
        bool[] y = [true, false, false, false, true, true, true, false];
        var r = CalibrationMetrics.Compute(p, y);
        Assert.Equal(0.1, r.Ece, 12);
        Assert.Equal(0.1, r.MaxCalibrationError, 12);
        Assert.Equal(10, r.Bins.Count);
        Assert.Equal(4, r.Bins[1].Count);
        Assert.Equal(0.15, r.Bins[1].MeanPredicted, 12);
        Assert.Equal(0.25, r.Bins[1].ObservedRate, 12);
        Assert.Equal(4, r.Bins[8].Count);
        Assert.Equal(0.75, r.Bins[8].ObservedRate, 12);
        Assert.Equal(0, r.Bins[0].Count);
    }

    [Fact]
    public void A_Prediction_Of_Exactly_One_Falls_In_The_Last_Bin()
    {
        var r = CalibrationMetrics.Compute([1.0], [true]);
        Assert.Equal(1, r.Bins[9].Count);
        Assert.Equal(0, r.Ece, 12);
    }

    [Fact]
    public void Equal_Count_Deciles_Split_Sorted_Predictions_Evenly()
    {
        var p = new double[20];
        var y = new bool[20];
        for (var i = 0; i < 20; i++)
        {
            p[19 - i] = (i + 1) * 0.05;
            y[19 - i] = i % 2 == 0;
        }

        var r = CalibrationMetrics.Compute(p, y, 10, ReliabilityBinning.EqualCount);
        Assert.All(r.Bins, b => Assert.Equal(2, b.Count));
        Assert.Equal(0.075, r.Bins[0].MeanPredicted, 12);
        Assert.Equal(0.05, r.Bins[0].Lower, 12);
        Assert.Equal(0.10, r.Bins[0].Upper, 12);
        Assert.Equal(0.975, r.Bins[9].MeanPredicted, 12);
        Assert.Equal(0.5, r.Bins[9].ObservedRate, 12);
    }

    [Fact]
    public void Perfectly_Calibrated_Bins_Have_Zero_Ece()
    {
        double[] p = [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75];
        bool[] y = [true, false, false, false, true, true, true, false];
        Assert.Equal(0, CalibrationMetrics.Compute(p, y).Ece, 12);
    }

    [Fact]
    public void Records_Without_A_Prediction_Are_Left_Out_Of_The_Report()
    {
        var f = default(CandidateFeatures);
        AttemptRecord[] records =
        [
            new(f, StowOutcome.Stowed, 0.9),
            new(f, StowOutcome.Defect, double.NaN),
            new(f, StowOutcome.Unproductive, 0.2),
        ];
        var r = CalibrationMetrics.FromRecords(records);
        Assert.Equal(2, r.Count);
        Assert.Equal(((0.1 * 0.1) + (0.2 * 0.2)) / 2, r.Brier, 12);
        Assert.Contains("| bin |", r.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_Lengths_Are_An_Argument_Error()
    {
        Assert.Throws<ArgumentException>(() => CalibrationMetrics.Compute([0.5], [true, false]));
    }
}
