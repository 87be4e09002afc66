using Stow.Perception.Pipeline;

namespace Stow.Cell.Shift;

/// <summary>
/// A perception port that also shows what it looked at (for the operator HMI's camera view): implemented by a
/// perception that runs the models on camera frames. Events are raised on the shift thread; the pipeline's last outputs
/// are valid only inside the handler.
/// </summary>
public interface IPerceivedFrames
{
    /// <summary>Raised after a bin is re-perceived, with its camera frame.</summary>
    event EventHandler<PerceivedBinFrame>? BinPerceived;

    /// <summary>The models that ran (their last band mask and the crop maps).</summary>
    PodSpacePipeline Pipeline { get; }
}
