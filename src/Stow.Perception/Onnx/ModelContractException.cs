namespace Stow.Perception.Onnx;

/// <summary>
/// A model does not match what is expected of it: its manifest is missing or malformed, its hash differs, its
/// inputs/outputs disagree with the manifest, or a caller binds tensors the model does not take. The message
/// starts with <c>model &lt;file&gt;:</c> and names the field, e.g.
/// <c>model band.onnx: input 'rgbd' shape [batch,4,64,64] in manifest, [batch,3,64,64] in model</c>.
/// </summary>
public sealed class ModelContractException : Exception
{
    /// <summary>Creates the exception for <paramref name="modelPath"/> and <paramref name="field"/>.</summary>
    /// <param name="modelPath">The <c>.onnx</c> file (its file name goes into the message).</param>
    /// <param name="field">Which field disagrees, e.g. <c>input 'rgbd' shape</c> or <c>sha256</c>.</param>
    /// <param name="detail">The message after <c>model &lt;file&gt;: </c>.</param>
    public ModelContractException(string modelPath, string field, string detail)
        : base($"model {Path.GetFileName(modelPath)}: {detail}")
    {
        ModelPath = modelPath;
        Field = field;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ModelContractException(string message)
        : base(message)
    {
        ModelPath = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ModelContractException(string message, Exception inner)
        : base(message, inner)
    {
        ModelPath = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Creates an empty exception.</summary>
    public ModelContractException()
    {
        ModelPath = string.Empty;
        Field = string.Empty;
    }

    /// <summary>The model file concerned.</summary>
    public string ModelPath { get; }

    /// <summary>The field that disagrees, e.g. <c>input 'rgbd' shape</c>, <c>sha256</c>, <c>manifest</c>.</summary>
    public string Field { get; }
}
