using System.Text.Json;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Pods;

namespace Stow.Sim.Tests.World;

/// <summary>Pod types, items and paths shared by the world tests.</summary>
internal static class WorldTestData
{
    public static string RepoRoot { get; } = FindRoot();

    public static PodType Fabric40 { get; } = PodTypeLoader.Load(Path.Combine(RepoRoot, "config", "pods", "fabric-40.json"));

    public static PodType Fabric24Wide { get; } = PodTypeLoader.Load(Path.Combine(RepoRoot, "config", "pods", "fabric-24-wide.json"));

    /// <summary>A bin 0.36 deep, 0.24 wide, 0.20 high, with two bands, for exact geometry tests.</summary>
    public static BinSpec TestBin { get; } = new(new BinId(0, 0), 0.24, 0.20, 0.36, [0.05, 0.14], 0.012, new Core.Geometry.Vec3(0, 0.005, 0.1));

    /// <summary>A synthetic mix of everyday goods covering every packaging class (dimensions in m, mass in kg).</summary>
    public static IReadOnlyList<Item> Mix { get; } =
    [
        Make("box-small", 0.10, 0.06, 0.04, 0.15, PackagingClass.Box),
        Make("box-medium", 0.20, 0.15, 0.10, 0.6, PackagingClass.Box),
        Make("box-heavy", 0.18, 0.12, 0.10, 2.5, PackagingClass.Box),
        Make("book", 0.24, 0.16, 0.03, 0.5, PackagingClass.Book),
        Make("book-thin", 0.21, 0.15, 0.012, 0.2, PackagingClass.Book),
        Make("bag", 0.25, 0.18, 0.05, 0.3, PackagingClass.Deformable),
        Make("pouch", 0.15, 0.10, 0.03, 0.1, PackagingClass.Deformable),
        Make("wrapped", 0.22, 0.12, 0.07, 0.45, PackagingClass.Wrapped),
        Make("bottle", 0.22, 0.07, 0.07, 0.6, PackagingClass.Cylinder),
        Make("can", 0.12, 0.08, 0.08, 0.4, PackagingClass.Cylinder),
        Make("clamshell", 0.18, 0.12, 0.04, 0.1, PackagingClass.Clamshell, fragile: true),
        Make("glass", 0.14, 0.09, 0.09, 0.3, PackagingClass.Irregular, fragile: true),
        Make("irregular", 0.16, 0.10, 0.06, 0.2, PackagingClass.Irregular),
    ];

    public static Item Make(string name, double a, double b, double c, double mass, PackagingClass cls, bool fragile = false) =>
        new(new ItemId(name), name, new ItemDimensions(a, b, c), mass, cls, fragile, "test", "test");

    /// <summary>The 40 real ARC 2017 items from ../shared/data/items/arc2017/items.json.</summary>
    public static IReadOnlyList<Item> Arc2017()
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "items", "arc2017", "items.json"));
        if (!File.Exists(path))
        {
            Assert.Fail($"missing input file {path} (the ARC 2017 item set, see ../shared/data/README.md)");
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var items = new List<Item>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var name = e.GetProperty("name").GetString()!;
            var d = e.GetProperty("dimensions");
            var type = e.GetProperty("type").GetString();
            var cls = type switch
            {
                "box" => PackagingClass.Box,
                "book" => PackagingClass.Book,
                "deformable" => PackagingClass.Deformable,
                "wrapped" => PackagingClass.Wrapped,
                "cylinder" => PackagingClass.Cylinder,
                "clamshell" => PackagingClass.Clamshell,
                _ => PackagingClass.Irregular,
            };
            var fragile = cls == PackagingClass.Clamshell || name.Contains("glass", StringComparison.Ordinal);
            items.Add(new Item(new ItemId(name), name, new ItemDimensions(d[0].GetDouble(), d[1].GetDouble(), d[2].GetDouble()),
                e.GetProperty("weight").GetDouble(), cls, fragile, type ?? "", "arc2017"));
        }

        return items;
    }

    private static string FindRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "StowCell.sln")))
        {
            d = d.Parent;
        }

        return d?.FullName ?? throw new InvalidOperationException("StowCell.sln not found above " + AppContext.BaseDirectory);
    }
}
