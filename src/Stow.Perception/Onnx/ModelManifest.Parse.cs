namespace Stow.Perception.Onnx;

using System.Text.Json;

/// <summary>Manifest JSON parsing, with errors that name the model file and the field.</summary>
public sealed partial class ModelManifest
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses manifest JSON for the model at <paramref name="modelPath"/> (used in errors).</summary>
    /// <exception cref="ModelContractException">Bad JSON, a missing or malformed field, or an unknown element type.</exception>
    public static ModelManifest Parse(string json, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new ModelContractException(modelPath, "manifest", $"manifest {Path.GetFileName(PathFor(modelPath))} is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var reader = new FieldReader(modelPath);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw reader.Error("manifest", "manifest must be a JSON object");
            }

            string name = reader.String(root, "name", "name");
            string version = reader.String(root, "version", "version");
            string sha256 = reader.String(root, "sha256", "sha256");
            if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
            {
                throw reader.Error("sha256", $"manifest field 'sha256' must be 64 hex digits, got '{sha256}'");
            }

            ModelTensorSpec[] inputs = reader.Tensors(root, "input");
            ModelTensorSpec[] outputs = reader.Tensors(root, "output");
            return new ModelManifest(Path.GetFullPath(modelPath), name, version, sha256.ToLowerInvariant(), inputs, outputs);
        }
    }

    private readonly struct FieldReader(string modelPath)
    {
        public ModelContractException Error(string field, string detail) => new(modelPath, field, detail);

        public string String(JsonElement parent, string property, string field)
        {
            if (!parent.TryGetProperty(property, out JsonElement value) || value.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(value.GetString()))
            {
                throw Error(field, $"manifest field '{field}' is missing or not a non-empty string");
            }

            return value.GetString()!;
        }

        public ModelTensorSpec[] Tensors(JsonElement root, string role)
        {
            string property = role + "s";
            if (!root.TryGetProperty(property, out JsonElement list) || list.ValueKind != JsonValueKind.Array
                || list.GetArrayLength() == 0)
            {
                throw Error(property, $"manifest field '{property}' is missing or not a non-empty array");
            }

            var specs = new ModelTensorSpec[list.GetArrayLength()];
            int i = 0;
            foreach (JsonElement item in list.EnumerateArray())
            {
                specs[i] = Tensor(item, role, i);
                i++;
            }

            return specs;
        }

        private ModelTensorSpec Tensor(JsonElement item, string role, int index)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Error($"{role}s[{index}]", $"manifest {role}s[{index}] must be an object");
            }

            string name = String(item, "name", $"{role}s[{index}].name");
            string field = $"{role} '{name}'";
            string typeName = String(item, "elementType", $"{field} elementType");
            if (!TensorElementTypes.TryParse(typeName, out TensorElementType type))
            {
                throw Error(
                    $"{field} element type",
                    $"{field} element type '{typeName}' in manifest is unknown (known: {TensorElementTypes.KnownNames})");
            }

            return new ModelTensorSpec(name, Shape(item, field), type, Normalization(item, field));
        }

        private TensorDim[] Shape(JsonElement item, string field)
        {
            if (!item.TryGetProperty("shape", out JsonElement shape) || shape.ValueKind != JsonValueKind.Array)
            {
                throw Error($"{field} shape", $"{field} shape is missing or not an array");
            }

            var dims = new TensorDim[shape.GetArrayLength()];
            int d = 0;
            foreach (JsonElement dim in shape.EnumerateArray())
            {
                if (dim.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(dim.GetString()))
                {
                    dims[d] = TensorDim.Symbolic(dim.GetString()!);
                }
                else if (dim.ValueKind == JsonValueKind.Number && dim.TryGetInt64(out long size) && size >= 0)
                {
                    dims[d] = TensorDim.Fixed(size);
                }
                else
                {
                    throw Error($"{field} shape", $"{field} shape dimension {d} must be a size ≥ 0 or a symbol such as \"batch\", got {dim}");
                }

                d++;
            }

            return dims;
        }

        private ModelNormalization? Normalization(JsonElement item, string field)
        {
            if (!item.TryGetProperty("normalization", out JsonElement n) || n.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            string f = $"{field} normalization";
            float scale = 1f;
            if (n.TryGetProperty("scale", out JsonElement s))
            {
                if (s.ValueKind != JsonValueKind.Number || !float.IsFinite(s.GetSingle()) || s.GetSingle() == 0f)
                {
                    throw Error(f, $"{f} scale must be a finite non-zero number");
                }

                scale = s.GetSingle();
            }

            float[] mean = Floats(n, "mean", f);
            float[] std = Floats(n, "std", f);
            if (mean.Length != std.Length)
            {
                throw Error(f, $"{f} has {mean.Length} means and {std.Length} stds; give one of each per channel");
            }

            if (std.Any(v => !(v > 0f)))
            {
                throw Error(f, $"{f} std values must be > 0");
            }

            return new ModelNormalization(scale, mean, std);
        }

        private float[] Floats(JsonElement parent, string property, string field)
        {
            if (!parent.TryGetProperty(property, out JsonElement list) || list.ValueKind != JsonValueKind.Array
                || list.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
            {
                throw Error(field, $"{field} {property} is missing or not an array of numbers");
            }

            return [.. list.EnumerateArray().Select(v => v.GetSingle())];
        }
    }
}
