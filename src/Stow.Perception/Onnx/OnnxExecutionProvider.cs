namespace Stow.Perception.Onnx;

/// <summary>Where a session's nodes run. Configured as "cpu" or "cuda" (see <see cref="OnnxSessionOptions.Parse"/>).</summary>
public enum OnnxExecutionProvider
{
    /// <summary>ONNX Runtime's CPU execution provider (always available).</summary>
    Cpu = 0,

    /// <summary>The CUDA execution provider (needs the GPU build of ONNX Runtime and a CUDA device).</summary>
    Cuda = 1,
}
