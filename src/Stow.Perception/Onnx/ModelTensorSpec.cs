namespace Stow.Perception.Onnx;

/// <summary>
/// One input or output as the manifest declares it: name, shape (symbolic dimensions by name, e.g.
/// <c>["batch", 4, 64, 64]</c>), element type, and for inputs an optional <see cref="ModelNormalization"/>.
/// </summary>
/// <param name="Name">Graph input/output name.</param>
/// <param name="Shape">Declared shape, outermost first.</param>
/// <param name="ElementType">Declared element type.</param>
/// <param name="Normalization">Input normalisation; null when none is declared.</param>
public sealed record ModelTensorSpec(
    string Name,
    IReadOnlyList<TensorDim> Shape,
    TensorElementType ElementType,
    ModelNormalization? Normalization)
{
    /// <summary>Shape text, e.g. <c>[batch,4,64,64]</c>.</summary>
    public string ShapeText => TensorDim.Format(Shape);
}
