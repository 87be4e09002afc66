namespace Stow.Perception.Onnx;

using System.Security.Cryptography;

/// <summary>
/// The manifest beside a model: <c>&lt;name&gt;.json</c> next to <c>&lt;name&gt;.onnx</c>, holding the model's
/// name, version, the SHA-256 of the <c>.onnx</c> file, and its inputs and outputs (name, shape with symbolic
/// batch as a string such as <c>"batch"</c>, element type, input normalisation). Immutable once loaded.
/// </summary>
/// <remarks>
/// <para>File shape (JSON, camelCase):
/// <c>{ "name", "version", "sha256", "inputs": [ { "name", "shape": ["batch", 4], "elementType": "float32",
/// "normalization": { "scale", "mean": [..], "std": [..] } } ], "outputs": [ { "name", "shape", "elementType" } ] }</c>.
/// Element types: float32, uint8, int8, uint16, int16, int32, int64, string, bool, float16, float64, uint32,
/// uint64, complex64, complex128, bfloat16.</para>
/// <para>Checks (<see cref="LoadAndVerify"/> then <see cref="VerifyAgainst"/>, or both through
/// <see cref="OnnxModel.Load"/>): manifest present and well formed, hash matches the file, and names, element
/// types and shapes agree with the model as ORT reads it. Every failure is a
/// <see cref="ModelContractException"/> naming the model file and the field.</para>
/// <para>Threading: stateless static members; instances are immutable and thread-safe.</para>
/// </remarks>
public sealed partial class ModelManifest
{
    private ModelManifest(
        string modelPath,
        string name,
        string version,
        string sha256,
        IReadOnlyList<ModelTensorSpec> inputs,
        IReadOnlyList<ModelTensorSpec> outputs)
    {
        ModelPath = modelPath;
        Name = name;
        Version = version;
        Sha256 = sha256;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>Full path of the <c>.onnx</c> file this manifest describes.</summary>
    public string ModelPath { get; }

    /// <summary>Full path of the manifest file.</summary>
    public string ManifestPath => PathFor(ModelPath);

    /// <summary>Model name, e.g. "band".</summary>
    public string Name { get; }

    /// <summary>Model version, e.g. "1.0.0".</summary>
    public string Version { get; }

    /// <summary>Expected SHA-256 of the <c>.onnx</c> file, 64 lower-case hex digits.</summary>
    public string Sha256 { get; }

    /// <summary>Declared inputs, in graph order.</summary>
    public IReadOnlyList<ModelTensorSpec> Inputs { get; }

    /// <summary>Declared outputs, in graph order.</summary>
    public IReadOnlyList<ModelTensorSpec> Outputs { get; }

    /// <summary>The manifest path for a model: same directory and base name, extension <c>.json</c>.</summary>
    public static string PathFor(string onnxPath) => Path.ChangeExtension(Path.GetFullPath(onnxPath), ".json");

    /// <summary>SHA-256 of a file as 64 lower-case hex digits.</summary>
    public static string ComputeSha256(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Reads and parses the manifest beside <paramref name="onnxPath"/> without checking the hash.</summary>
    /// <exception cref="ModelContractException">Model or manifest missing, bad JSON, a missing or malformed field, an unknown element type.</exception>
    public static ModelManifest Load(string onnxPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(onnxPath);
        string modelPath = Path.GetFullPath(onnxPath);
        if (!File.Exists(modelPath))
        {
            throw new ModelContractException(modelPath, "file", $"file not found at '{modelPath}'");
        }

        string manifestPath = PathFor(modelPath);
        if (!File.Exists(manifestPath))
        {
            throw new ModelContractException(
                modelPath, "manifest", $"manifest {Path.GetFileName(manifestPath)} not found beside the model (expected '{manifestPath}')");
        }

        return Parse(File.ReadAllText(manifestPath), modelPath);
    }

    /// <summary>Loads the manifest beside <paramref name="onnxPath"/> and checks the model file's SHA-256 against it.</summary>
    /// <exception cref="ModelContractException">As <see cref="Load"/>, or the hash differs.</exception>
    public static ModelManifest LoadAndVerify(string onnxPath)
    {
        ModelManifest manifest = Load(onnxPath);
        manifest.VerifyHash();
        return manifest;
    }

    /// <summary>Checks the SHA-256 of <see cref="ModelPath"/> against <see cref="Sha256"/>.</summary>
    /// <exception cref="ModelContractException">Field <c>sha256</c>: the file's hash differs.</exception>
    public void VerifyHash()
    {
        string actual = ComputeSha256(ModelPath);
        if (!string.Equals(actual, Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelContractException(ModelPath, "sha256", $"sha256 {Sha256} in manifest, {actual} of the file");
        }
    }

    /// <summary>
    /// Checks that the session's inputs and outputs agree with the manifest: same names in the same order, same
    /// element types, same shapes (fixed sizes equal; a symbolic dimension must be symbolic in both, with the
    /// same name when the model names it).
    /// </summary>
    /// <exception cref="ModelContractException">The first disagreement, e.g. field <c>input 'rgbd' shape</c>.</exception>
    public void VerifyAgainst(OnnxSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        Compare("input", Inputs, session.Inputs);
        Compare("output", Outputs, session.Outputs);
    }

    private static bool SameShape(IReadOnlyList<TensorDim> manifest, IReadOnlyList<TensorDim> model)
    {
        if (manifest.Count != model.Count)
        {
            return false;
        }

        for (int d = 0; d < manifest.Count; d++)
        {
            TensorDim a = manifest[d];
            TensorDim b = model[d];
            bool same = a.IsSymbolic
                ? b.IsSymbolic && (b.Symbol!.Length == 0 || a.Symbol == b.Symbol)
                : !b.IsSymbolic && a.Size == b.Size;
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    private void Compare(string role, IReadOnlyList<ModelTensorSpec> declared, IReadOnlyList<OnnxTensorInfo> actual)
    {
        foreach (ModelTensorSpec spec in declared)
        {
            OnnxTensorInfo? info = actual.FirstOrDefault(a => a.Name == spec.Name);
            if (info is null)
            {
                throw new ModelContractException(
                    ModelPath,
                    $"{role} '{spec.Name}'",
                    $"{role} '{spec.Name}' in manifest, not in model (model {role}s: {string.Join(", ", actual.Select(a => $"'{a.Name}'"))})");
            }

            if (info.ElementType != spec.ElementType)
            {
                throw new ModelContractException(
                    ModelPath,
                    $"{role} '{spec.Name}' element type",
                    $"{role} '{spec.Name}' element type {spec.ElementType.ToManifestName()} in manifest, {info.ElementType.ToManifestName()} in model");
            }

            if (!SameShape(spec.Shape, info.Shape))
            {
                throw new ModelContractException(
                    ModelPath,
                    $"{role} '{spec.Name}' shape",
                    $"{role} '{spec.Name}' shape {spec.ShapeText} in manifest, {info.ShapeText} in model");
            }
        }

        foreach (OnnxTensorInfo info in actual)
        {
            if (!declared.Any(d => d.Name == info.Name))
            {
                throw new ModelContractException(
                    ModelPath, $"{role} '{info.Name}'", $"{role} '{info.Name}' in model, not in manifest");
            }
        }
    }
}
