namespace Stow.Tools.PlanEval;

/// <summary>What space the planner sees in an evaluation shift (<see cref="EvalShift"/>).</summary>
public enum EvalPerception
{
    /// <summary>The simulator's ground truth (<c>GroundTruthPerception</c>): the planner sees the true free space. For comparison only.</summary>
    GroundTruth,

    /// <summary>
    /// The cell's own perception: the simulator renders the pod at the station with the world's sensor noise
    /// (<c>Sim:Sensor</c>) and the shipped ONNX band and space models estimate the space (<c>RenderedPerception</c>),
    /// as in <c>stowcell run</c> with <c>Perception:Mode = onnx</c>.
    /// </summary>
    Onnx,
}
