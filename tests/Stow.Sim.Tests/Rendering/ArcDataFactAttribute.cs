namespace Stow.Sim.Tests.Rendering;

/// <summary>A fact that is skipped, naming the missing file, when the ARC 2017 photos are absent from ../shared/data.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ArcDataFactAttribute : FactAttribute
{
    public ArcDataFactAttribute()
    {
        if (!File.Exists(RenderTestData.ArcPhoto))
        {
            Skip = $"ARC 2017 item photo missing: {RenderTestData.ArcPhoto} (see ../shared/data/README.md, items/arc2017/images)";
        }
    }
}
