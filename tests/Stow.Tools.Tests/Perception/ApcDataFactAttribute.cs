namespace Stow.Tools.Tests.Perception;

/// <summary>A fact that is skipped, naming the missing folder, when the APC 2016 frames are absent from ../shared/data.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApcDataFactAttribute : FactAttribute
{
    public ApcDataFactAttribute()
    {
        if (!File.Exists(Path.Combine(ApcTestData.Frames, "cam.info.txt")) || !File.Exists(ApcTestData.BinYaml))
        {
            Skip = $"APC 2016 frames missing: {ApcTestData.Frames} or {ApcTestData.BinYaml} (see ../shared/data/README.md, images/apc2016_shelf_bin_rgbd)";
        }
    }
}
