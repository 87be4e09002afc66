using Stow.Core.Pods;

namespace Stow.Core.Tests.Pods;

public class PodTypeLoaderTests
{
    private static string PodsDir => Path.Combine(TestPaths.RepoRoot, "config", "pods");

    [Fact]
    public void Committed_Pod_Types_Load_With_At_Most_40_Bins()
    {
        var types = PodTypeLoader.LoadFolder(PodsDir);
        Assert.Contains("fabric-40", types.Keys);
        var p = types["fabric-40"];
        Assert.Equal(40, p.Bins.Count);
        Assert.Equal(10, p.Rows);
        Assert.All(types.Values, t => Assert.InRange(t.Bins.Count, 1, PodType.MaxBins));
        Assert.InRange(p.FaceHeight, 2.0, 2.6);
    }

    [Fact]
    public void Bins_Do_Not_Overlap_On_The_Face()
    {
        var p = PodTypeLoader.Load(Path.Combine(PodsDir, "fabric-40.json"));
        foreach (var a in p.Bins)
        {
            foreach (var b in p.Bins.Where(b => b.Id != a.Id))
            {
                var ay = (a.Origin.Y, a.Origin.Y + a.OpeningWidth);
                var az = (a.Origin.Z, a.Origin.Z + a.OpeningHeight);
                var by = (b.Origin.Y, b.Origin.Y + b.OpeningWidth);
                var bz = (b.Origin.Z, b.Origin.Z + b.OpeningHeight);
                var overlap = ay.Item1 < by.Item2 - 1e-9 && by.Item1 < ay.Item2 - 1e-9 && az.Item1 < bz.Item2 - 1e-9 && bz.Item1 < az.Item2 - 1e-9;
                Assert.False(overlap, $"{a.Id} overlaps {b.Id}");
            }
        }
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"faceWidth\":-1,\"bandWidth\":0.01,\"rows\":[]}", "faceWidth")]
    [InlineData("{\"name\":\"x\",\"faceWidth\":1,\"bandWidth\":0.01,\"rows\":[{\"height\":0.2,\"columns\":4,\"depth\":0.3,\"bands\":[0.5]}]}", "rows[0].bands[0]")]
    [InlineData("{\"name\":\"x\",\"faceWidth\":1,\"bandWidth\":0.01,\"rows\":[{\"height\":0.2,\"columns\":0,\"depth\":0.3,\"bands\":[0.1]}]}", "rows[0].columns")]
    [InlineData("{ not json", "not valid")]
    public void Bad_Pod_Files_Name_The_Field(string json, string expected)
    {
        var e = Assert.Throws<PodConfigException>(() => PodTypeLoader.Parse(json, "test.json"));
        Assert.Contains("test.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_Many_Bins_Are_Refused()
    {
        var rows = string.Join(",", Enumerable.Repeat("{\"height\":0.15,\"columns\":5,\"depth\":0.3,\"bands\":[0.07]}", 9));
        var json = "{\"name\":\"x\",\"faceWidth\":1,\"bandWidth\":0.01,\"rows\":[" + rows + "]}";
        var e = Assert.Throws<PodConfigException>(() => PodTypeLoader.Parse(json, "big.json"));
        Assert.Contains("45 bins", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_File_Is_Named()
    {
        var e = Assert.Throws<PodConfigException>(() => PodTypeLoader.Load("/nonexistent/pod.json"));
        Assert.Contains("/nonexistent/pod.json", e.Message, StringComparison.Ordinal);
    }
}
