using System.Text.Json;
using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Sim.World;
using Stow.Tools.PlanEval;
using Stow.Tools.Tests.Support;

namespace Stow.Tools.Tests.Planning;

/// <summary><c>stowtools plan reach</c>: the pod-reach survey, in-process (the collection keeps Console redirection away from other tests).</summary>
[Collection("Console")]
public class PlanReachTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact(Timeout = 120_000)]
    public async Task The_Survey_Accounts_For_Every_Item_And_Its_Ceiling_Is_One_Minus_The_Share_No_Pod_Takes()
    {
        var (code, stdout, stderr) = await Task.Run(() => Run("plan", "reach", "--catalog", "arc2017", "--pods", "4", "--items", "60", "--json"));
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var histogram = root.GetProperty("histogram").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.Equal(5, histogram.Count);
        Assert.Equal(60, histogram.Sum());
        var noPod = root.GetProperty("no_pod_share").GetDouble();
        Assert.Equal(histogram[0] / 60.0, noPod, 12);
        Assert.Equal(1 - noPod, root.GetProperty("stowable_ceiling").GetDouble(), 12);
        Assert.InRange(root.GetProperty("no_geometric_fit_share").GetDouble(), 0, noPod); // no geometric fit implies no fit at the floor
        var mean = histogram.Select((n, k) => n * k / 4.0).Sum() / 60;
        Assert.Equal(mean, root.GetProperty("mean_reach").GetDouble(), 12);
        Assert.InRange(root.GetProperty("arrival_density").GetDouble(), 0.15, 0.70); // pods arrive 20-67 % full per bin by default
    }

    [Fact(Timeout = 120_000)]
    public async Task Fuller_Arrivals_Leave_Room_For_Fewer_Items_On_The_Same_Draws()
    {
        var catalog = CatalogLoader.LoadWithDefaults("mixed");
        var type = PodTypeLoader.LoadFolder(CatalogPaths.DefaultPodFolder())["fabric-40"];
        var light = await Task.Run(() => PodReachSurvey.Run(catalog, type, new SimWorldOptions { Arrival = PodArrivalOptions.UpTo(0.15) }, 6, 150, 3, 0.90));
        var floor = await Task.Run(() => PodReachSurvey.Run(catalog, type, new SimWorldOptions(), 6, 150, 3, 0.90));

        Assert.True(light.ArrivalDensity < floor.ArrivalDensity);
        Assert.True(light.MeanReach > floor.MeanReach, $"mean reach {light.MeanReach} (light) vs {floor.MeanReach} (floor)");
        Assert.True(light.NoPod <= floor.NoPod);
    }

    [Theory]
    [InlineData("--floor", "0")]
    [InlineData("--pods", "0")]
    [InlineData("--items", "0")]
    [InlineData("--prefill", "1.5")]
    public void Bad_Arguments_Exit_2_With_A_Message(string option, string value)
    {
        var (code, _, stderr) = Run("plan", "reach", option, value);
        Assert.Equal(2, code);
        Assert.Contains("stowtools plan reach:", stderr, StringComparison.Ordinal);
    }
}
