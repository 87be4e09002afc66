using System.Text.Json;
using Stow.Core.Ids;
using Stow.Sim.World;

namespace Stow.Sim.Tests.World;

/// <summary>The <c>Sim:</c> configuration: defaults, overrides, the shipped world files, and clear errors on bad values.</summary>
public class SimWorldOptionsTests
{
    private static KeyValuePair<string, string?> Kv(string k, string v) => new(k, v);

    [Fact]
    public void No_Sim_Keys_Give_The_Defaults()
    {
        var o = SimWorldOptions.FromConfiguration([Kv("Cell:Seed", "3")], "test");
        Assert.Equal(SimWorldOptions.Default, o);
    }

    [Fact]
    public void Keys_Override_Their_Constant_Case_Insensitively_And_Keep_The_Rest()
    {
        var o = SimWorldOptions.FromConfiguration(
            [Kv("Sim:Outcome:BandDefect", "0.04"), Kv("sim:arrival:minfill", "0.3"), Kv("Sim:Induct:MassSigmaRelative", "0.02"), Kv("Sim:Sensor:RgbSigma", "6")],
            "test");
        Assert.Equal(0.04, o.Outcome.BandDefect);
        Assert.Equal(StowOutcomeOptions.Default.TightFitUnproductive, o.Outcome.TightFitUnproductive);
        Assert.Equal(0.3, o.Arrival.MinFill);
        Assert.Equal(0.67, o.Arrival.MaxFill);
        Assert.Equal(0.02, o.Induct.MassSigmaRelative);
        Assert.Equal(6, o.Sensor.RgbSigma);
        Assert.Equal(0.0015, o.Sensor.DepthSigmaAt1M);
        Assert.Equal(0.45, StowOutcomeOptions.Default.TightFitUnproductive); // the shared default is not changed
    }

    [Theory]
    [InlineData("Sim:Outcome:BandDefekt", "0.1", "unknown key 'Sim:Outcome:BandDefekt'")]
    [InlineData("Sim:Weather:Rain", "0.1", "unknown key 'Sim:Weather:Rain'")]
    [InlineData("Sim:Outcome:BandDefect", "lots", "'Sim:Outcome:BandDefect' = 'lots' is not a finite number")]
    [InlineData("Sim:Outcome:BandDefect", "1.5", "Sim:Outcome:BandDefect = 1.5 is out of range (must be in [0, 1])")]
    [InlineData("Sim:Outcome:ClearanceScale", "0", "Sim:Outcome:ClearanceScale = 0 is out of range (must be > 0)")]
    [InlineData("Sim:Induct:EdgeSigmaAbsolute", "-0.001", "Sim:Induct:EdgeSigmaAbsolute = -0.001 is out of range (must be ≥ 0)")]
    [InlineData("Sim:Arrival:MinFill", "0.9", "Sim:Arrival needs 0 ≤ MinFill ≤ MaxFill ≤ 1")]
    [InlineData("Sim:Sensor:MaxRange", "0.1", "Sim:Sensor:MaxRange = 0.1 is out of range (must be > MinRange)")]
    public void A_Bad_Value_Is_Named_With_Its_Source(string key, string value, string expected)
    {
        var e = Assert.Throws<SimConfigException>(() => SimWorldOptions.FromConfiguration([Kv(key, value)], "worlds/x.json"));
        Assert.StartsWith("worlds/x.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outcome-half.json")]
    [InlineData("outcome-double.json")]
    [InlineData("noisy.json")]
    [InlineData("crowded.json")]
    public void Every_Shipped_World_File_Loads_And_Differs_From_The_Default(string file)
    {
        var path = Path.Combine(WorldTestData.RepoRoot, "config", "worlds", file);
        var o = SimWorldOptions.FromConfiguration(Flatten(path), path);
        Assert.NotEqual(SimWorldOptions.Default, o);
    }

    [Fact]
    public void The_Half_And_Double_Worlds_Scale_Every_Outcome_Probability()
    {
        var root = Path.Combine(WorldTestData.RepoRoot, "config", "worlds");
        var half = SimWorldOptions.FromConfiguration(Flatten(Path.Combine(root, "outcome-half.json")), "half").Outcome;
        var twice = SimWorldOptions.FromConfiguration(Flatten(Path.Combine(root, "outcome-double.json")), "double").Outcome;
        var d = StowOutcomeOptions.Default;
        foreach (var p in typeof(StowOutcomeOptions).GetProperties().Where(p => p.PropertyType == typeof(double)))
        {
            if (p.Name is nameof(d.HeavyMass) or nameof(d.HeavyMassSpan) or nameof(d.HeavyReferenceHeight) or nameof(d.BlockedFraction))
            {
                continue;
            }

            var v = (double)p.GetValue(d)!;
            Assert.Equal(v / 2, (double)p.GetValue(half)!, 9);
            Assert.Equal(Math.Min(v * 2, 1), (double)p.GetValue(twice)!, 9);
        }
    }

    [Fact]
    public void Stream_Seeds_Differ_By_Purpose_And_By_Run_Seed()
    {
        var seeds = new HashSet<int>();
        foreach (var run in new[] { 0, 1, 2, -1, int.MaxValue })
        {
            foreach (var s in Enum.GetValues<RandomStream>())
            {
                Assert.True(seeds.Add(RandomStreams.SeedOf(run, s)), $"seed of ({run}, {s}) repeats");
                Assert.True(RandomStreams.SeedOf(run, s) >= 0);
            }
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 20)]
    public bool Arrival_Fill_Of_Each_Bin_Follows_The_Distribution(int seed)
    {
        var arrival = new PodArrivalOptions { MinFill = 0.2, MaxFill = 0.67 };
        var pod = new SimPod(new PodId("P"), WorldTestData.Fabric40);
        PodPrefill.FillArrival(pod, WorldTestData.Mix, arrival, RandomStreams.Create(seed, RandomStream.Prefill));
        // Each bin stops within 5 % above its drawn target, which is at most MaxFill.
        return pod.Bins.All(b => b.Fill <= arrival.MaxFill + 0.05 + 1e-9) && pod.Bins.Average(b => b.Fill) > 0.1;
    }

    [FsCheck.Xunit.Property(MaxTest = 20)]
    public bool Prefill_Does_Not_Depend_On_How_Many_Outcome_Draws_Were_Made(int seed, byte draws)
    {
        // Two runs on the same seed: one draws outcomes before the pod arrives, the other does not.
        var outcomeA = RandomStreams.Create(seed, RandomStream.Outcome);
        for (var i = 0; i < draws; i++)
        {
            outcomeA.NextDouble();
        }

        var a = new SimPod(new PodId("A"), WorldTestData.Fabric40);
        var b = new SimPod(new PodId("B"), WorldTestData.Fabric40);
        PodPrefill.FillArrival(a, WorldTestData.Mix, PodArrivalOptions.Default, RandomStreams.Create(seed, RandomStream.Prefill));
        PodPrefill.FillArrival(b, WorldTestData.Mix, PodArrivalOptions.Default, RandomStreams.Create(seed, RandomStream.Prefill));
        return a.Bins.Zip(b.Bins).All(p => p.First.Items.ToArray().Select(i => i.Item.Id).SequenceEqual(p.Second.Items.ToArray().Select(i => i.Item.Id)));
    }

    /// <summary>Flattens a JSON configuration file to <c>A:B:C</c> keys, as Microsoft.Extensions.Configuration does.</summary>
    private static List<KeyValuePair<string, string?>> Flatten(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var list = new List<KeyValuePair<string, string?>>();
        Walk(doc.RootElement, "", list);
        return list;
    }

    private static void Walk(JsonElement e, string prefix, List<KeyValuePair<string, string?>> list)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                Walk(p.Value, prefix.Length == 0 ? p.Name : prefix + ":" + p.Name, list);
            }
        }
        else
        {
            list.Add(new(prefix, e.ToString()));
        }
    }
}
