namespace Stow.Perception.Onnx;

/// <summary>
/// What a caller will feed to one model input: its name, element type and concrete shape (every symbolic
/// dimension given a size). <see cref="OnnxSession.Bind(IReadOnlyList{OnnxTensorBinding})"/> checks it against the model.
/// </summary>
/// <param name="Name">The model input name.</param>
/// <param name="ElementType">Element type of the caller's data.</param>
/// <param name="Shape">Concrete dimensions (all ≥ 1), outermost first.</param>
public sealed record OnnxTensorBinding(string Name, TensorElementType ElementType, IReadOnlyList<long> Shape)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {ElementType.ToManifestName()} {TensorDim.Format(Shape)}";
}
