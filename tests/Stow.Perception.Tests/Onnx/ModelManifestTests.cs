namespace Stow.Perception.Tests.Onnx;

using System.Text.Json.Nodes;
using Stow.Perception.Onnx;

public sealed class ModelManifestTests
{
    [Fact]
    public void Model_With_Matching_Manifest_Loads_And_Exposes_Its_Fields()
    {
        using OnnxModel model = OnnxModel.Load(TestModels.Affine);
        ModelManifest m = model.Manifest;
        Assert.Equal("affine", m.Name);
        Assert.Equal("1.0.0", m.Version);
        Assert.Equal(ModelManifest.ComputeSha256(TestModels.Affine), m.Sha256);
        ModelTensorSpec x = Assert.Single(m.Inputs);
        Assert.Equal("[batch,4]", x.ShapeText);
        Assert.Equal(TensorElementType.Float32, x.ElementType);
        Assert.NotNull(x.Normalization);
        Assert.Equal(4, x.Normalization!.ChannelCount);
        Assert.Equal(0.5f, x.Normalization.Apply(0.5f, 2));

        using OnnxModelRunner runner = model.Bind(1);
        runner.Input("x").AsSpan<float>().Fill(-1f);
        runner.Run();
        Assert.Equal(-1f, runner.Output("y").AsSpan<float>()[3]);
    }

    [Fact]
    public void All_Committed_Test_Models_Match_Their_Manifests()
    {
        foreach (string path in new[] { TestModels.Affine, TestModels.Add, TestModels.U8ToI64 })
        {
            using OnnxModel model = OnnxModel.Load(path);
            Assert.Equal(Path.GetFileNameWithoutExtension(path), model.Manifest.Name);
        }
    }

    [Fact]
    public void Missing_Manifest_Is_Refused_Naming_Model_And_Manifest()
    {
        using var dir = new ScratchDir();
        string onnx = Path.Combine(dir.Path, "band.onnx");
        File.Copy(TestModels.Affine, onnx);

        var e = Assert.Throws<ModelContractException>(() => ModelManifest.LoadAndVerify(onnx));

        Assert.StartsWith("model band.onnx: manifest band.json not found beside the model", e.Message, StringComparison.Ordinal);
        Assert.Equal("manifest", e.Field);
        Assert.Equal(onnx, e.ModelPath);
    }

    [Fact]
    public void Wrong_Hash_Is_Refused_Naming_The_Sha256_Field()
    {
        using var dir = new ScratchDir();
        string onnx = TestModels.CopyWithManifest(TestModels.Affine, dir.Path);
        string wrong = new('0', 64);
        EditManifest(onnx, m => m["sha256"] = wrong);

        var e = Assert.Throws<ModelContractException>(() => OnnxModel.Load(onnx));

        Assert.Equal($"model affine.onnx: sha256 {wrong} in manifest, {ModelManifest.ComputeSha256(onnx)} of the file", e.Message);
        Assert.Equal("sha256", e.Field);
    }

    [Fact]
    public void Changed_Model_File_Fails_The_Hash_Check()
    {
        using var dir = new ScratchDir();
        string onnx = TestModels.CopyWithManifest(TestModels.Affine, dir.Path);
        File.Copy(TestModels.Add, onnx, overwrite: true);

        var e = Assert.Throws<ModelContractException>(() => ModelManifest.LoadAndVerify(onnx));

        Assert.Equal("sha256", e.Field);
    }

    [Fact]
    public void Shape_Mismatch_Is_Refused_Naming_Input_And_Both_Shapes()
    {
        using var dir = new ScratchDir();
        string onnx = TestModels.CopyWithManifest(TestModels.Affine, dir.Path);
        EditManifest(onnx, m => m["inputs"]![0]!["shape"] = new JsonArray("batch", 5));

        var e = Assert.Throws<ModelContractException>(() => OnnxModel.Load(onnx));

        Assert.Equal("model affine.onnx: input 'x' shape [batch,5] in manifest, [batch,4] in model", e.Message);
        Assert.Equal("input 'x' shape", e.Field);
    }

    [Fact]
    public void Fixed_Batch_In_Manifest_Against_Symbolic_Batch_In_Model_Is_A_Shape_Mismatch()
    {
        using var dir = new ScratchDir();
        string onnx = TestModels.CopyWithManifest(TestModels.Affine, dir.Path);
        EditManifest(onnx, m => m["outputs"]![0]!["shape"] = new JsonArray(1, 4));

        var e = Assert.Throws<ModelContractException>(() => OnnxModel.Load(onnx));

        Assert.Equal("model affine.onnx: output 'y' shape [1,4] in manifest, [batch,4] in model", e.Message);
    }

    [Fact]
    public void Unknown_Element_Type_Is_Refused_Naming_The_Field()
    {
        using var dir = new ScratchDir();
        string onnx = TestModels.CopyWithManifest(TestModels.Affine, dir.Path);
        EditManifest(onnx, m => m["inputs"]![0]!["elementType"] = "float33");

        var e = Assert.Throws<ModelContractException>(() => ModelManifest.LoadAndVerify(onnx));

        Assert.StartsWith("model affine.onnx: input 'x' element type 'float33' in manifest is unknown", e.Message, StringComparison.Ordinal);
        Assert.Equal("input 'x' element type", e.Field);
    }

    [Fact]
    public void Element_Type_Mismatch_Is_Refused_Naming_Both_Types()
    {
        using var dir = new ScratchDir();
        string onnx = TestModels.CopyWithManifest(TestModels.U8ToI64, dir.Path);
        EditManifest(onnx, m => m["outputs"]![0]!["elementType"] = "int32");

        var e = Assert.Throws<ModelContractException>(() => OnnxModel.Load(onnx));

        Assert.Equal("model u8_to_i64.onnx: output 'y' element type int32 in manifest, int64 in model", e.Message);
    }

    [Fact]
    public void Input_Name_Mismatch_Is_Refused_Naming_The_Input()
    {
        using var dir = new ScratchDir();
        string onnx = TestModels.CopyWithManifest(TestModels.Add, dir.Path);
        EditManifest(onnx, m => m["inputs"]![1]!["name"] = "c");

        var e = Assert.Throws<ModelContractException>(() => OnnxModel.Load(onnx));

        Assert.Equal("model add.onnx: input 'c' in manifest, not in model (model inputs: 'a', 'b')", e.Message);
    }

    [Fact]
    public void Missing_Field_And_Bad_Json_Are_Refused_Naming_The_Field()
    {
        using var dir = new ScratchDir();
        string onnx = TestModels.CopyWithManifest(TestModels.Affine, dir.Path);
        EditManifest(onnx, m => m.Remove("version"));
        var missing = Assert.Throws<ModelContractException>(() => ModelManifest.Load(onnx));
        Assert.Equal("model affine.onnx: manifest field 'version' is missing or not a non-empty string", missing.Message);

        File.WriteAllText(Path.ChangeExtension(onnx, ".json"), "{ not json");
        var bad = Assert.Throws<ModelContractException>(() => ModelManifest.Load(onnx));
        Assert.StartsWith("model affine.onnx: manifest affine.json is not valid JSON", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalisation_With_Mismatched_Channel_Counts_Is_Refused()
    {
        using var dir = new ScratchDir();
        string onnx = TestModels.CopyWithManifest(TestModels.Affine, dir.Path);
        EditManifest(onnx, m => m["inputs"]![0]!["normalization"]!["std"] = new JsonArray(1.0, 1.0));

        var e = Assert.Throws<ModelContractException>(() => ModelManifest.Load(onnx));

        Assert.Equal("input 'x' normalization", e.Field);
    }

    private static void EditManifest(string onnx, Action<JsonObject> edit)
    {
        string path = Path.ChangeExtension(onnx, ".json");
        JsonObject manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }
}
