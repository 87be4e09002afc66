namespace Stow.Perception.Onnx;

/// <summary>Binding: fixing symbolic dimensions and checking what the caller will feed against the model.</summary>
public sealed partial class OnnxSession
{
    /// <summary>
    /// Binds every input and output with its leading symbolic dimension (the batch) set to
    /// <paramref name="batchSize"/> and allocates the buffers once.
    /// </summary>
    /// <param name="batchSize">Batch size (≥ 1) for every symbolic dimension at position 0.</param>
    /// <exception cref="ModelContractException">A symbolic dimension other than the leading one, or an element type that cannot be bound.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public OnnxModelRunner Bind(long batchSize)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var bindings = new OnnxTensorBinding[Inputs.Count];
        for (int i = 0; i < bindings.Length; i++)
        {
            OnnxTensorInfo input = Inputs[i];
            var shape = new long[input.Shape.Count];
            for (int d = 0; d < shape.Length; d++)
            {
                TensorDim dim = input.Shape[d];
                if (dim.IsSymbolic && d != 0)
                {
                    throw new ModelContractException(
                        ModelPath,
                        $"input '{input.Name}' shape",
                        $"input '{input.Name}' shape {input.ShapeText} has symbolic dimension '{dim}' at position {d}; " +
                        "bind it with explicit shapes");
                }

                shape[d] = dim.IsSymbolic ? batchSize : dim.Size;
            }

            bindings[i] = new OnnxTensorBinding(input.Name, input.ElementType, shape);
        }

        return Bind(bindings);
    }

    /// <summary>
    /// Binds the inputs the caller declares (every model input, by name, with its element type and concrete
    /// shape), derives the output shapes from the symbols fixed by the inputs, and allocates the buffers once.
    /// </summary>
    /// <exception cref="ModelContractException">
    /// An unknown or missing input name, a different element type, a different rank or fixed dimension, a
    /// symbol given two sizes, an output dimension that the inputs do not fix, or an element type that cannot be
    /// bound (supported: float32, uint8, int64).
    /// </exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public OnnxModelRunner Bind(IReadOnlyList<OnnxTensorBinding> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var symbols = new Dictionary<string, long>(StringComparer.Ordinal);
        var boundInputs = new OnnxTensorBinding[Inputs.Count];
        foreach (OnnxTensorBinding binding in inputs)
        {
            int index = IndexOf(Inputs, binding.Name);
            if (index < 0)
            {
                throw Contract(
                    $"input '{binding.Name}'",
                    $"input '{binding.Name}' bound, but the model's inputs are {string.Join(", ", Inputs.Select(i => $"'{i.Name}'"))}");
            }

            OnnxTensorInfo model = Inputs[index];
            CheckBindable(model, "input");
            if (binding.ElementType != model.ElementType)
            {
                throw Contract(
                    $"input '{model.Name}' element type",
                    $"input '{model.Name}' element type {binding.ElementType.ToManifestName()} bound, {model.ElementType.ToManifestName()} in model");
            }

            if (!ShapeFits(model.Shape, binding.Shape, symbols))
            {
                throw Contract(
                    $"input '{model.Name}' shape",
                    $"input '{model.Name}' shape {TensorDim.Format(binding.Shape)} bound, {model.ShapeText} in model");
            }

            boundInputs[index] = binding;
        }

        for (int i = 0; i < boundInputs.Length; i++)
        {
            if (boundInputs[i] is null)
            {
                throw Contract($"input '{Inputs[i].Name}'", $"input '{Inputs[i].Name}' {Inputs[i].ShapeText} is not bound");
            }
        }

        var outputShapes = new long[Outputs.Count][];
        for (int o = 0; o < Outputs.Count; o++)
        {
            OnnxTensorInfo output = Outputs[o];
            CheckBindable(output, "output");
            outputShapes[o] = new long[output.Shape.Count];
            for (int d = 0; d < output.Shape.Count; d++)
            {
                TensorDim dim = output.Shape[d];
                if (!dim.IsSymbolic)
                {
                    outputShapes[o][d] = dim.Size;
                }
                else if (dim.Symbol!.Length > 0 && symbols.TryGetValue(dim.Symbol, out long size))
                {
                    outputShapes[o][d] = size;
                }
                else
                {
                    throw Contract(
                        $"output '{output.Name}' shape",
                        $"output '{output.Name}' shape {output.ShapeText}: dimension '{dim}' is not fixed by the bound inputs");
                }
            }
        }

        return new OnnxModelRunner(this, boundInputs, outputShapes);
    }

    private static int IndexOf(IReadOnlyList<OnnxTensorInfo> infos, string name)
    {
        for (int i = 0; i < infos.Count; i++)
        {
            if (infos[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool ShapeFits(IReadOnlyList<TensorDim> model, IReadOnlyList<long> bound, Dictionary<string, long> symbols)
    {
        if (model.Count != bound.Count)
        {
            return false;
        }

        for (int d = 0; d < model.Count; d++)
        {
            long size = bound[d];
            if (size < 1)
            {
                return false;
            }

            TensorDim dim = model[d];
            if (!dim.IsSymbolic)
            {
                if (dim.Size != size)
                {
                    return false;
                }
            }
            else if (dim.Symbol!.Length > 0)
            {
                if (symbols.TryGetValue(dim.Symbol, out long known) && known != size)
                {
                    return false;
                }

                symbols[dim.Symbol] = size;
            }
        }

        return true;
    }

    private void CheckBindable(OnnxTensorInfo info, string role)
    {
        if (info.ElementType.BindableByteSize() == 0)
        {
            throw Contract(
                $"{role} '{info.Name}' element type",
                $"{role} '{info.Name}' has element type {info.ElementType.ToManifestName()}, which cannot be bound (float32, uint8, int64)");
        }
    }

    private ModelContractException Contract(string field, string detail) => new(ModelPath, field, detail);
}
