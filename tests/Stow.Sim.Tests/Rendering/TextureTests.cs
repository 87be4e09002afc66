namespace Stow.Sim.Tests.Rendering;

using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Sim.Rendering;

public sealed class TextureTests
{
    [ArcDataFact]
    public void Arc_Photo_Loads_Once_Downsampled()
    {
        var cache = new TextureCache(64);
        var t = cache.Get(RenderTestData.ArcPhoto);
        Assert.Same(t, cache.Get(RenderTestData.ArcPhoto));
        Assert.Equal(1, cache.Count);
        Assert.Equal(64, t.Width);
        Assert.Equal(64, t.Height);
        Assert.True(t.Rgb.Distinct().Count() > 50, "a photo has many distinct values");
    }

    [Fact]
    public void Missing_Photo_Names_The_File()
    {
        var e = Assert.Throws<FileNotFoundException>(() => new TextureCache().Get("/nonexistent/item.jpg"));
        Assert.Contains("/nonexistent/item.jpg", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_Photo_Names_The_File()
    {
        var file = Path.Combine(Path.GetTempPath(), "stowcell-texture-" + Guid.NewGuid().ToString("N") + ".jpg");
        File.WriteAllText(file, "not a JPEG");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => new TextureCache().Get(file));
            Assert.Contains(file, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Plain_Border_Is_Trimmed_Before_Downsampling()
    {
        // A 40x40 dark photo with a 20x10 red item: after the trim the texture is all item.
        var file = Path.Combine(Path.GetTempPath(), "stowcell-texture-" + Guid.NewGuid().ToString("N") + ".png");
        using (var photo = new OpenCvSharp.Mat(40, 40, OpenCvSharp.MatType.CV_8UC3, new OpenCvSharp.Scalar(10, 12, 8)))
        {
            photo[new OpenCvSharp.Rect(12, 20, 20, 10)].SetTo(new OpenCvSharp.Scalar(0, 0, 220)); // BGR red
            Assert.True(OpenCvSharp.Cv2.ImWrite(file, photo));
        }

        try
        {
            var t = new TextureCache(8).Get(file);
            Assert.Equal((8, 8), (t.Width, t.Height));
            for (var i = 0; i < t.Rgb.Length; i += 3)
            {
                Assert.Equal(((byte)220, (byte)0, (byte)0), (t.Rgb[i], t.Rgb[i + 1], t.Rgb[i + 2]));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [ArcDataFact]
    public void Textured_Front_Face_Shows_The_Photo()
    {
        var bin = RenderTestData.Bin("C2");
        var box = Box3.FromMinSize(bin.Origin + new Vec3(0.05, 0.04, 0), new Vec3(0.1, 0.16, 0.2));
        var camera = CameraModel.ForBin(bin, 320, 240);
        var renderer = new PodFaceRenderer(camera, SensorNoiseOptions.None);
        var plain = renderer.Render(new RenderScene(RenderTestData.Pod, [new SceneBox(box, new RgbColor(90, 90, 200))], new HashSet<BinId> { bin.Id }), 0, 1).Clone();
        var photo = renderer.Render(new RenderScene(RenderTestData.Pod, [new SceneBox(box, new RgbColor(90, 90, 200), RenderTestData.ArcPhoto)], new HashSet<BinId> { bin.Id }), 0, 1);

        // Sample the front face's central half.
        var values = new HashSet<int>();
        var plainValues = new HashSet<int>();
        for (var fy = 0.25; fy <= 0.75; fy += 0.05)
        {
            for (var fz = 0.25; fz <= 0.75; fz += 0.05)
            {
                var p = new Vec3(box.Min.X, box.Min.Y + (fy * 0.16), box.Min.Z + (fz * 0.2));
                Assert.True(camera.TryProject(p, out var px, out _));
                var i = 3 * (((int)Math.Round(px.V) * photo.Width) + (int)Math.Round(px.U));
                values.Add((photo.Rgb[i] << 16) | (photo.Rgb[i + 1] << 8) | photo.Rgb[i + 2]);
                plainValues.Add((plain.Rgb[i] << 16) | (plain.Rgb[i + 1] << 8) | plain.Rgb[i + 2]);
            }
        }

        Assert.Single(plainValues);
        Assert.True(values.Count > 20, $"the photo gives {values.Count} distinct colours on the face");
        Assert.Equal(1, renderer.Textures.Count);
    }

    [Fact]
    public void Category_Colour_Is_Stable_And_Differs_Between_Categories()
    {
        Assert.Equal(CategoryColors.For("books"), CategoryColors.For("BOOKS"));
        Assert.Equal(CategoryColors.For("books"), CategoryColors.For("books"));
        var colours = new[] { "books", "toys", "bed_bath_table", "health_beauty", "sports_leisure" }.Select(CategoryColors.For).ToHashSet();
        Assert.Equal(5, colours.Count);
    }
}
