namespace Stow.Perception.Onnx;

/// <summary>
/// ONNX Runtime's error codes (<c>enum OrtErrorCode</c> in <c>onnxruntime_c_api.h</c>, same values). The managed API
/// keeps its own <c>ErrorCode</c> enum internal and puts the name in front of its exception message
/// (<c>[ErrorCode:InvalidProtobuf] ...</c>); <see cref="OnnxRuntimeException"/> reads it from there.
/// </summary>
public enum OnnxErrorCode
{
    /// <summary>ORT_OK: no error.</summary>
    Ok = 0,

    /// <summary>ORT_FAIL: generic failure.</summary>
    Fail = 1,

    /// <summary>ORT_INVALID_ARGUMENT: e.g. a tensor of the wrong shape or type.</summary>
    InvalidArgument = 2,

    /// <summary>ORT_NO_SUCHFILE: the model file does not exist.</summary>
    NoSuchFile = 3,

    /// <summary>ORT_NO_MODEL.</summary>
    NoModel = 4,

    /// <summary>ORT_ENGINE_ERROR.</summary>
    EngineError = 5,

    /// <summary>ORT_RUNTIME_EXCEPTION.</summary>
    RuntimeException = 6,

    /// <summary>ORT_INVALID_PROTOBUF: the model file is not a valid ONNX protobuf.</summary>
    InvalidProtobuf = 7,

    /// <summary>ORT_MODEL_LOADED.</summary>
    ModelLoaded = 8,

    /// <summary>ORT_NOT_IMPLEMENTED: e.g. an execution provider not compiled into this build.</summary>
    NotImplemented = 9,

    /// <summary>ORT_INVALID_GRAPH: the graph fails validation.</summary>
    InvalidGraph = 10,

    /// <summary>ORT_EP_FAIL: an execution provider failed.</summary>
    EpFail = 11,
}
