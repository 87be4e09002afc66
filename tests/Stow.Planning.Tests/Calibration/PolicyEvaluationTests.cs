namespace Stow.Planning.Tests.Calibration;

using System.Text.Json;
using Stow.Core.Outcomes;
using Stow.Core.Space;
using Stow.Planning.Calibration;
using Stow.Planning.Candidates;
using Stow.Planning.Risk;

public class PolicyEvaluationTests
{
    [Fact]
    public void Evaluation_Reports_Rates_Density_Chain_Usage_And_Brier_Under_The_Plan_Eval_Json_Keys()
    {
        var eval = new PolicyEvaluation("planner-prior");
        var plain = default(CandidateFeatures);
        var swept = plain with { Chain = new PrimitiveChain(Primitive.SweepLeft, Primitive.Slot) };
        eval.RecordAttempt(new AttemptRecord(plain, StowOutcome.Stowed, 1.0));
        eval.RecordAttempt(new AttemptRecord(plain, StowOutcome.Unproductive, 0.5));
        eval.RecordAttempt(new AttemptRecord(swept, StowOutcome.Defect, 0.5, Exploration: true));
        eval.RecordAttempt(new AttemptRecord(swept, StowOutcome.Stowed, 0.5));
        eval.RecordPodSwap(0.4);
        eval.RecordPodSwap(0.6);
        eval.RecordException();
        var s = eval.Summarize();
        Assert.Equal(0.5, s.SuccessRate!.Value, 12);
        Assert.Equal(0.25, s.UnproductiveRate!.Value, 12);
        Assert.Equal(0.25, s.DefectRate!.Value, 12);
        Assert.Equal(0.5, s.DensityAtSwap!.Value, 12);
        Assert.Equal(0.1875, s.Brier!.Value, 12);
        Assert.Equal(1, s.Explorations);
        Assert.Equal(1, s.Exceptions);
        Assert.Equal(2, s.ChainUsage["SweepLeft→Slot"]);
        var json = JsonSerializer.Serialize(s);
        foreach (var key in new[] { "success_rate", "defect_rate", "unproductive_rate", "density_at_swap", "brier" })
        {
            Assert.Contains($"\"{key}\"", json, StringComparison.Ordinal);
        }

        Assert.Contains("| planner-prior | 4 |", PolicyEvaluationSummary.ToMarkdownTable([s]), StringComparison.Ordinal);
    }

    [Fact]
    public void An_Empty_Evaluation_Serialises_With_Nulls_Not_NaN()
    {
        var json = JsonSerializer.Serialize(new PolicyEvaluation("baseline").Summarize());
        Assert.Contains("\"brier\":null", json, StringComparison.Ordinal);
    }
}
