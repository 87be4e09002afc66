namespace Stow.Perception.Onnx;

using System.Text.RegularExpressions;
using OrtException = Microsoft.ML.OnnxRuntime.OnnxRuntimeException;

/// <summary>
/// ONNX Runtime refused a model or a run. <see cref="Exception.Message"/> holds ORT's own message, prefixed with the
/// model file name when a model was involved (<c>model noise.onnx: [ORT InvalidProtobuf] Load model from ... failed:
/// Protobuf parsing failed.</c>); <see cref="ErrorCode"/> holds ORT's code. The managed API's own
/// <see cref="Microsoft.ML.OnnxRuntime.OnnxRuntimeException"/> is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed partial class OnnxRuntimeException : Exception
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
        : base($"model {Path.GetFileName(modelPath)}: {inner?.Message}", inner?.InnerException ?? inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ErrorCode = inner.ErrorCode;
        OrtMessage = inner.OrtMessage;
        ModelPath = modelPath;
    }

    private OnnxRuntimeException(string modelPath, OnnxErrorCode errorCode, string ortMessage, OrtException inner)
        : base($"model {Path.GetFileName(modelPath)}: [ORT {errorCode}] {ortMessage}", inner)
    {
        ErrorCode = errorCode;
        OrtMessage = ortMessage;
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

    /// <summary>ORT's message, without the managed API's <c>[ErrorCode:Name]</c> prefix.</summary>
    public string OrtMessage { get; }

    /// <summary>The model file involved, when there was one.</summary>
    public string? ModelPath { get; }

    /// <summary>
    /// Wraps the managed API's exception for <paramref name="modelPath"/>: its message starts with
    /// <c>[ErrorCode:Name] </c> (the code itself is internal to the managed API), which becomes <see cref="ErrorCode"/>.
    /// </summary>
    internal static OnnxRuntimeException FromOrt(string modelPath, OrtException e)
    {
        Match m = ErrorCodePrefix().Match(e.Message);
        OnnxErrorCode code = OnnxErrorCode.Fail;
        string text = e.Message;
        if (m.Success)
        {
            text = e.Message[m.Length..];
            string name = m.Groups[1].Value;
            code = name == "ExecutionProviderFail" ? OnnxErrorCode.EpFail
                : Enum.TryParse(name, ignoreCase: false, out OnnxErrorCode parsed) && Enum.IsDefined(parsed) ? parsed
                : OnnxErrorCode.Fail;
        }

        return new OnnxRuntimeException(modelPath, code, text, e);
    }

    [GeneratedRegex(@"^\[ErrorCode:([A-Za-z]+)\]\s*")]
    private static partial Regex ErrorCodePrefix();
}
