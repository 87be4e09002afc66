namespace Stow.Cell.Hosting;

/// <summary>Where the shift's view of the pod comes from (<c>Cell:Perception:Mode</c>; config text <c>onnx</c>, <c>groundtruth</c>).</summary>
public enum PerceptionMode
{
    /// <summary>The band and space ONNX models on camera frames.</summary>
    Onnx,

    /// <summary>Bypass: the simulated world's bin contents (development only).</summary>
    GroundTruth,
}
