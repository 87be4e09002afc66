namespace Stow.Perception.Tests.Onnx;

/// <summary>Paths of the committed tiny models (copied to the test output) and a scratch directory per test.</summary>
internal static class TestModels
{
    public static string Dir => Path.Combine(AppContext.BaseDirectory, "Models");

    /// <summary>y = 2x + 1, x float32 [batch,4].</summary>
    public static string Affine => Path.Combine(Dir, "affine.onnx");

    /// <summary>sum = a + b, float32 [batch,3].</summary>
    public static string Add => Path.Combine(Dir, "add.onnx");

    /// <summary>y = int64(x) * 3, x uint8 [batch,4].</summary>
    public static string U8ToI64 => Path.Combine(Dir, "u8_to_i64.onnx");

    /// <summary>Copies a model and its manifest into <paramref name="dir"/>; returns the copied .onnx path.</summary>
    public static string CopyWithManifest(string model, string dir)
    {
        string target = Path.Combine(dir, Path.GetFileName(model));
        File.Copy(model, target, overwrite: true);
        File.Copy(Path.ChangeExtension(model, ".json"), Path.ChangeExtension(target, ".json"), overwrite: true);
        return target;
    }
}

/// <summary>A fresh directory under the temp folder, deleted on dispose.</summary>
internal sealed class ScratchDir : IDisposable
{
    public ScratchDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "stowcell-onnx-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
