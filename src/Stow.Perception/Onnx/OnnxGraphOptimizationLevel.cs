namespace Stow.Perception.Onnx;

/// <summary>
/// Graph optimisations applied when a session loads (<c>GraphOptimizationLevel</c> in <c>onnxruntime_c_api.h</c>,
/// same values; see onnxruntime.ai "Graph optimizations").
/// </summary>
public enum OnnxGraphOptimizationLevel
{
    /// <summary>ORT_DISABLE_ALL.</summary>
    None = 0,

    /// <summary>ORT_ENABLE_BASIC: semantics-preserving rewrites such as constant folding.</summary>
    Basic = 1,

    /// <summary>ORT_ENABLE_EXTENDED: adds node fusions.</summary>
    Extended = 2,

    /// <summary>ORT_ENABLE_ALL: adds layout optimisations (ORT's default).</summary>
    All = 99,
}
