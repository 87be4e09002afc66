using Microsoft.Extensions.Configuration;
using Stow.Cell.Hosting;
using Stow.Cell.Reporting;

namespace Stow.Cell.Tests.Reporting;

public class TargetJudgementTests
{
    private static CellOptions Bind(Dictionary<string, string?> overrides) =>
        CellConfiguration.Bind(new ConfigurationBuilder().AddCellLayers(null, overrides).Build());

    [Fact(Timeout = 10_000)]
    public async Task The_Default_Configuration_Differs_In_Nothing_Even_With_Another_Seed_Or_The_Hmi_Off()
    {
        await Task.Yield();
        var o = Bind(new() { ["Cell:Seed"] = "3", ["Cell:Reports"] = "elsewhere", ["Cell:Hmi:Url"] = "off" });

        Assert.Empty(CellConfiguration.DifferencesFromDefault(o));
    }

    [Fact(Timeout = 10_000)]
    public async Task Every_Changed_Setting_Is_Named_With_Its_Value()
    {
        await Task.Yield();
        var o = Bind(new() { ["Cell:Items"] = "30", ["Cell:Perception:Mode"] = "groundtruth" });

        Assert.Equal(["Cell:Items = 30", "Cell:Perception:Mode = \"groundtruth\""], CellConfiguration.DifferencesFromDefault(o));
    }

    [Fact(Timeout = 10_000)]
    public async Task Targets_Are_Judged_On_The_Default_Configuration_Only()
    {
        await Task.Yield();
        var s = new ShiftSummary { SuccessRate = 0.5, Uph = 10 };
        TargetCheck.Judge(s, []);
        Assert.True(s.TargetsJudged);
        Assert.Contains(s.Targets, t => t.Name == "success_rate" && !t.Met);
        Assert.Contains(s.Targets, t => t.Name == "stowed_of_inducted" && t.Target == 0.80 && !t.Met);
        Assert.Contains(s.Targets, t => t.Name == "density_at_swap" && t.Target == 0.45 && !t.Met);
        Assert.Empty(s.TargetsNote);

        TargetCheck.Judge(s, ["Cell:Items = 30"]);
        Assert.False(s.TargetsJudged);
        Assert.Empty(s.Targets);
        Assert.Contains("not judged", s.TargetsNote, StringComparison.Ordinal);
        Assert.Contains("Cell:Items = 30", s.TargetsNote, StringComparison.Ordinal);
    }
}
