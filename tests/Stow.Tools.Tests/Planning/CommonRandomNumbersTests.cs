using Stow.Tools.PlanEval;
using Stow.Core.Catalog;
using Stow.Core.Pods;
using Stow.Planning.Decision;
using Stow.Planning.Risk;
using Stow.Sim.World;

namespace Stow.Tools.Tests.Planning;

/// <summary>
/// Common random numbers in <c>plan eval</c>: policies on the same seed see the same pods on arrival, however
/// differently they decide; and the world files layer over the defaults through <see cref="WorldFiles"/>.
/// </summary>
public class CommonRandomNumbersTests
{
    private static readonly ItemCatalog Catalog = CatalogLoader.LoadWithDefaults("arc2017");
    private static readonly List<PodType> Types = PodTypeLoader.LoadFolder(CatalogPaths.DefaultPodFolder()).Values.ToList();
    private static readonly PodType Fabric40 = PodTypeLoader.LoadFolder(CatalogPaths.DefaultPodFolder())["fabric-40"];

    [FsCheck.Xunit.Property(MaxTest = 5)]
    public bool Two_Policies_On_One_Seed_Get_The_Same_Prefill(ushort seed)
    {
        var options = new EvalShiftOptions { Pods = 3, Seed = seed, ItemsPerPod = 15 };
        var items = EvalShift.DrawItems(Catalog, options);
        var planner = EvalShift.PlannerOptions(options);
        var prior = EvalShift.Run(new StowPlanner(new PriorSuccessModel(), Types, planner), Fabric40, items, Catalog.Items, options);
        var baseline = EvalShift.Run(new LargestFreeVolumePolicy(new PriorSuccessModel(), Types, planner), Fabric40, items, Catalog.Items, options);

        // The policies differ (else the property says nothing) but every pod both saw arrived with the same fill.
        var common = Math.Min(prior.ArrivalFills.Count, baseline.ArrivalFills.Count);
        return common >= 1
            && prior.ArrivalFills.Take(common).SequenceEqual(baseline.ArrivalFills.Take(common))
            && prior.ArrivalFills.All(f => f is >= 0.1 and <= 0.72);
    }

    [Fact]
    public void World_Files_Layer_In_Order_Over_The_Defaults()
    {
        var root = CatalogPaths.FindRepoRoot()!;
        var half = Path.Combine(root, "config", "worlds", "outcome-half.json");
        var crowded = Path.Combine(root, "config", "worlds", "crowded.json");

        var o = WorldFiles.Load([half, crowded]);

        Assert.Equal(StowOutcomeOptions.Default.BandDefect / 2, o.Outcome.BandDefect, 9);
        Assert.Equal(0.40, o.Arrival.MinFill);
        Assert.Equal(SimWorldOptions.Default.Induct, o.Induct);
        Assert.Equal(SimWorldOptions.Default, WorldFiles.Load([]));
    }

    [Fact]
    public void A_Missing_Or_Broken_World_File_Says_Which()
    {
        using var dir = new Support.TempDir();
        var bad = dir.File("bad.json");
        File.WriteAllText(bad, "{ \"Sim\": { \"Outcome\": { \"BandDefect\": 2 } } }");
        var broken = dir.File("broken.json");
        File.WriteAllText(broken, "{ \"Sim\": ");

        Assert.Contains("nope.json", Assert.Throws<FileNotFoundException>(() => WorldFiles.Load([dir.File("nope.json")])).Message, StringComparison.Ordinal);
        var e = Assert.Throws<SimConfigException>(() => WorldFiles.Load([bad]));
        Assert.Contains("bad.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("Sim:Outcome:BandDefect = 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("broken.json", Assert.Throws<InvalidDataException>(() => WorldFiles.Load([broken])).Message, StringComparison.Ordinal);
    }
}
