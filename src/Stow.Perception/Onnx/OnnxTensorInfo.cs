namespace Stow.Perception.Onnx;

/// <summary>
/// One input or output of a model, as read from the model by ONNX Runtime: name, element type and shape
/// (symbolic dimensions keep their names, e.g. <c>[batch,4]</c>). Immutable.
/// </summary>
/// <param name="Name">The graph input/output name.</param>
/// <param name="ElementType">Element type; <see cref="TensorElementType.Undefined"/> for a non-tensor value.</param>
/// <param name="Shape">Dimensions, outermost first.</param>
public sealed record OnnxTensorInfo(string Name, TensorElementType ElementType, IReadOnlyList<TensorDim> Shape)
{
    /// <summary>Shape text, e.g. <c>[batch,4]</c>.</summary>
    public string ShapeText => TensorDim.Format(Shape);

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {ElementType.ToManifestName()} {ShapeText}";
}
