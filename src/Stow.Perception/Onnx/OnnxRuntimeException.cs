namespace Stow.Perception.Onnx;

/// <summary>
/// ONNX Runtime returned a non-NULL <c>OrtStatus</c>. <see cref="Exception.Message"/> holds ORT's own message
/// (prefixed with the model file name when a model was involved); <see cref="ErrorCode"/> holds ORT's code.
/// </summary>
public sealed class OnnxRuntimeException : Exception
{
    /// <summary>Creates the exception from ORT's code and message.</summary>
    public OnnxRuntimeException(OnnxErrorCode errorCode, string ortMessage)
        : base($"[ORT {errorCode}] {ortMessage}")
    {
        ErrorCode = errorCode;
        OrtMessage = ortMessage;
    }

    /// <summary>Creates the exception for a model file, keeping ORT's code and message.</summary>
    public OnnxRuntimeException(string modelPath, OnnxRuntimeException inner)
        : base($"model {Path.GetFileName(modelPath)}: {inner?.Message}", inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ErrorCode = inner.ErrorCode;
        OrtMessage = inner.OrtMessage;
        ModelPath = modelPath;
    }

    /// <summary>Creates the exception with a message only (code <see cref="OnnxErrorCode.Fail"/>).</summary>
    public OnnxRuntimeException(string message)
        : this(OnnxErrorCode.Fail, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause (code <see cref="OnnxErrorCode.Fail"/>).</summary>
    public OnnxRuntimeException(string message, Exception inner)
        : base(message, inner)
    {
        ErrorCode = OnnxErrorCode.Fail;
        OrtMessage = message;
    }

    /// <summary>Creates an empty exception (code <see cref="OnnxErrorCode.Fail"/>).</summary>
    public OnnxRuntimeException()
    {
        ErrorCode = OnnxErrorCode.Fail;
        OrtMessage = string.Empty;
    }

    /// <summary>ORT's error code.</summary>
    public OnnxErrorCode ErrorCode { get; }

    /// <summary>ORT's message, unchanged.</summary>
    public string OrtMessage { get; }

    /// <summary>The model file involved, when there was one.</summary>
    public string? ModelPath { get; }
}
