namespace Stow.Planning.Tests.Risk;

using System.Text.Json;
using FsCheck.Xunit;
using Stow.Core.Items;
using Stow.Core.Space;
using Stow.Planning.Calibration;
using Stow.Planning.Candidates;
using Stow.Planning.Risk;
using Stow.Planning.Tests.Support;

public class SuccessModelTests
{
    private static readonly LearnedSuccessModel Learned =
        LearnedSuccessModel.Fit(SyntheticAttempts.Generate(11, 3000, SyntheticAttempts.LinearRelation));

    [Property(MaxTest = 300)]
    public void Probabilities_Stay_In_Zero_To_One_For_Any_Features(
        int cls, double mass, bool fragile, double cw, double ch, double cd, double fill, double row, int first, int second, double vr)
    {
        var f = new CandidateFeatures(
            (PackagingClass)cls, mass, fragile, cw, ch, cd, fill, row, new PrimitiveChain((Primitive)first, (Primitive)second), vr);
        foreach (ISuccessModel m in new ISuccessModel[] { new PriorSuccessModel(), Learned })
        {
            var p = m.Predict(f);
            Assert.False(double.IsNaN(p), m.Name);
            Assert.InRange(p, 0.0, 1.0);
        }
    }

    [Fact]
    public void Prior_Gives_About_099_For_A_Plain_Insertion_With_Room_In_An_Empty_Bin()
    {
        var f = new CandidateFeatures(PackagingClass.Box, 0.5, false, 0.05, 0.05, 0.1, 0, 0.5, default, 0.2);
        Assert.InRange(new PriorSuccessModel().Predict(f), 0.985, 0.995);
    }

    [Fact]
    public void Prior_Prefers_Plain_Insertion_Over_Chains_And_Room_Over_Tight_Fits()
    {
        var prior = new PriorSuccessModel();
        var roomy = new CandidateFeatures(PackagingClass.Box, 0.5, false, 0.05, 0.05, 0.1, 0.3, 0.5, default, 0.2);
        var tight = roomy with { ClearanceWidth = 0.001 };
        var swept = roomy with { Chain = new PrimitiveChain(Primitive.SweepLeft, Primitive.Slot) };
        Assert.True(prior.Predict(roomy) > prior.Predict(tight));
        Assert.True(prior.Predict(roomy) > prior.Predict(swept));
    }

    [Fact]
    public void Learned_Model_Recovers_A_Known_Logistic_Relation()
    {
        var train = SyntheticAttempts.Generate(seed: 1, count: 20000, SyntheticAttempts.LinearRelation);
        var model = LearnedSuccessModel.Fit(train);
        var rng = new Random(2);
        double sumAbs = 0, maxAbs = 0;
        const int n = 2000;
        for (var i = 0; i < n; i++)
        {
            var f = SyntheticAttempts.RandomFeatures(rng);
            var err = Math.Abs(model.Predict(f) - FeatureEncoder.Sigmoid(SyntheticAttempts.LinearRelation(f)));
            sumAbs += err;
            maxAbs = Math.Max(maxAbs, err);
        }

        Assert.True(sumAbs / n < 0.02, $"mean |p̂ − p| = {sumAbs / n:F4}");
        Assert.True(maxAbs < 0.12, $"max |p̂ − p| = {maxAbs:F4}");
        Assert.InRange(model.Parameters.Iterations, 1, 49);
    }

    [Fact]
    public void Learned_Model_Beats_The_Prior_In_Brier_On_Held_Out_Data_From_A_Different_Relation()
    {
        var train = SyntheticAttempts.Generate(seed: 3, count: 5000, SyntheticAttempts.DifferentRelation);
        var heldOut = SyntheticAttempts.Generate(seed: 4, count: 5000, SyntheticAttempts.DifferentRelation);
        var learned = LearnedSuccessModel.Fit(train);
        var learnedReport = CalibrationMetrics.ForModel(learned, heldOut);
        var priorReport = CalibrationMetrics.ForModel(new PriorSuccessModel(), heldOut);
        Assert.True(
            learnedReport.Brier < priorReport.Brier - 0.01,
            $"learned Brier {learnedReport.Brier:F4}, prior Brier {priorReport.Brier:F4}");
        Assert.True(learnedReport.Ece < priorReport.Ece, $"learned ECE {learnedReport.Ece:F4}, prior ECE {priorReport.Ece:F4}");
    }

    [Fact]
    public void Fitting_The_Same_Records_Twice_Gives_The_Same_Weights()
    {
        var records = SyntheticAttempts.Generate(5, 2000, SyntheticAttempts.LinearRelation);
        var a = LearnedSuccessModel.Fit(records).Parameters;
        var b = LearnedSuccessModel.Fit(records).Parameters;
        Assert.Equal(a.Bias, b.Bias);
        Assert.Equal(a.ContinuousWeights, b.ContinuousWeights);
        Assert.Equal(a.ChainWeights, b.ChainWeights);
    }

    [Fact]
    public void Saved_Parameters_Reload_Into_The_Same_Predictions()
    {
        var json = JsonSerializer.Serialize(Learned.Parameters);
        var reloaded = new LearnedSuccessModel(JsonSerializer.Deserialize<LearnedModelParameters>(json)!);
        var rng = new Random(9);
        for (var i = 0; i < 100; i++)
        {
            var f = SyntheticAttempts.RandomFeatures(rng);
            Assert.Equal(Learned.Predict(f), reloaded.Predict(f), 12);
        }
    }

    [Fact]
    public void Fitting_Records_That_All_Succeeded_Stays_Finite_And_Predicts_Success()
    {
        var records = SyntheticAttempts.Generate(6, 500, _ => 50);
        Assert.All(records, r => Assert.True(r.Succeeded));
        var model = LearnedSuccessModel.Fit(records);
        Assert.True(double.IsFinite(model.Parameters.Bias));
        Assert.True(model.Predict(SyntheticAttempts.RandomFeatures(new Random(1))) > 0.95);
    }

    [Fact]
    public void Fitting_No_Records_Is_An_Argument_Error()
    {
        Assert.Throws<ArgumentException>(() => LearnedSuccessModel.Fit([]));
    }
}
