namespace Stow.Cell.Hosting;

/// <summary>Where the shift's view of the pod comes from (<c>Cell:Perception:Mode</c>; config text <c>onnx</c>, <c>groundtruth</c>).</summary>
public enum PerceptionMode
{
    /// <summary>The band and space ONNX models on the HAL cameras' frames (the default, live and simulated alike).</summary>
    Onnx,

    /// <summary>Simulator-only diagnostic: the simulated world's bin contents instead of perception (no camera, no model;
    /// never the default; a live backend refuses it).</summary>
    GroundTruth,
}
