using Stow.Core.Ids;
using Stow.Core.Space;
using Stow.Perception.Change;

namespace Stow.Cell.Shift;

/// <summary>Perceives the pod at the station. Called from the shift thread only.</summary>
public interface IShiftPerception
{
    /// <summary>Estimates every bin from fresh frames captured at <paramref name="time"/> [s].</summary>
    PodSpaceEstimate Perceive(double time);

    /// <summary>Re-estimates one bin after a stow (cheap: one crop through the models).</summary>
    BinSpaceEstimate PerceiveBin(BinId bin, double time);

    /// <summary>
    /// The ONNX Runtime execution providers that actually ran the perception models (from ORT's profile at load, e.g.
    /// <c>cpu</c>, <c>cuda</c>), not the one asked for; <c>none</c> when perception runs no model.
    /// </summary>
    string ExecutionProvider => "none";

    /// <summary>
    /// Whether a re-perceived bin can show the item just stowed: false for a camera that replays recorded frames, whose
    /// picture does not change when an item goes in (the cell then reads outcomes from the motion and the EOAT's beams
    /// alone, <see cref="Outcomes.OutcomeClassifier"/>). Default true.
    /// </summary>
    bool SeesStowedItems => true;

    /// <summary>
    /// How the bin's depth image changed over the last <see cref="PerceiveBin"/> of <paramref name="bin"/> (the frame it
    /// read against the frame before it, <see cref="DepthChangeProfile"/>): what the attempt put into the bin, for the
    /// outcome reading. Null when this perception has no depth frames to compare (default).
    /// </summary>
    DepthChangeProfile? LastChange(BinId bin) => null;
}
