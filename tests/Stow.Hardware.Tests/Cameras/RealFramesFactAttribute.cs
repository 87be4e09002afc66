namespace Stow.Hardware.Tests.Cameras;

/// <summary>A fact that needs the real recorded frames of ../shared/data/images; skipped, naming the folder, when they are absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RealFramesFactAttribute : FactAttribute
{
    public RealFramesFactAttribute()
    {
        foreach (var folder in new[] { RecordedFrameData.Apc2016, RecordedFrameData.Arc2017 })
        {
            if (!Directory.Exists(folder))
            {
                Skip = $"real frames missing: {folder} (see ../shared/data/README.md)";
            }
        }
    }
}
