namespace Stow.Cell.Hmi;

/// <summary>
/// Everything the HMI page shows, at one instant; sent whole as JSON (camelCase) on every change. Immutable.
/// Fractions are in [0, 1]; times are UTC.
/// </summary>
/// <param name="Version">Increases with every change.</param>
/// <param name="Attached">True while a shift is attached (commands and acknowledgements can reach a cell).</param>
/// <param name="State">PackML state name (ISA-TR88.00.02), e.g. <c>Execute</c>.</param>
/// <param name="Mode">Unit mode name, e.g. <c>Production</c>.</param>
/// <param name="StateSince">When the cell entered <paramref name="State"/>.</param>
/// <param name="Pod">The pod face; null before the first pod.</param>
/// <param name="Stow">The latest stow attempt; null when none yet.</param>
/// <param name="Prompts">Prompts waiting for an operator, oldest first.</param>
/// <param name="Alarms">Active faults and alarms, oldest first.</param>
/// <param name="Figures">The shift figures.</param>
/// <param name="Frame">The latest camera frame's description (the image is at <c>/api/frame.png</c>); null when none.</param>
/// <param name="MqttConnected">True while the cell's MQTT link is connected.</param>
/// <param name="AllowedCommands">The supervisor's PackML commands the state machine accepts now.</param>
public sealed record HmiSnapshot(
    long Version,
    bool Attached,
    string State,
    string Mode,
    DateTimeOffset StateSince,
    HmiSnapshot.PodView? Pod,
    HmiSnapshot.StowView? Stow,
    IReadOnlyList<HmiSnapshot.PromptView> Prompts,
    IReadOnlyList<HmiSnapshot.AlarmView> Alarms,
    HmiSnapshot.FiguresView Figures,
    HmiSnapshot.FrameView? Frame,
    bool MqttConnected,
    IReadOnlyList<string> AllowedCommands)
{
    /// <summary>The pod face, rows top first.</summary>
    /// <param name="Id">Pod id.</param>
    /// <param name="Type">Pod type name.</param>
    /// <param name="Fill">Volumetric fill of the whole pod.</param>
    /// <param name="Rows">Rows from the top of the face down; each row's bins left to right.</param>
    public sealed record PodView(string Id, string Type, double Fill, IReadOnlyList<IReadOnlyList<BinView>> Rows);

    /// <summary>One bin of the face as the cell sees it.</summary>
    /// <param name="Id">Bin id (row letter, column number), e.g. <c>C3</c>.</param>
    /// <param name="Width">Opening width [m] (the page sizes the cell by it).</param>
    /// <param name="Fill">Estimated fill: 1 − estimated free volume / bin volume; null before the first perception.</param>
    /// <param name="Stowing">True for the bin of the stow under way.</param>
    /// <param name="Blocked">True when the bin takes no more items on this pod.</param>
    public sealed record BinView(string Id, double Width, double? Fill, bool Stowing, bool Blocked);

    /// <summary>A stow attempt.</summary>
    /// <param name="Item">Item id.</param>
    /// <param name="ItemName">Item name from the catalogue.</param>
    /// <param name="Bin">Target bin.</param>
    /// <param name="Chain">Primitive chain, e.g. <c>Sweep+Slot</c>.</param>
    /// <param name="PredictedP">Predicted probability of success.</param>
    /// <param name="Active">True while under way; false once finished.</param>
    public sealed record StowView(string Item, string ItemName, string Bin, string Chain, double PredictedP, bool Active);

    /// <summary>A prompt waiting for an operator.</summary>
    /// <param name="Id">Prompt id (acknowledge with <c>POST /api/prompts/{id}/ack</c>).</param>
    /// <param name="Kind"><c>PodSwap</c>, <c>ClearJam</c> or <c>TakeExceptionItem</c>.</param>
    /// <param name="Title">Short title.</param>
    /// <param name="Text">What to do.</param>
    /// <param name="IssuedAt">When the HMI first saw it (wall time).</param>
    public sealed record PromptView(string Id, string Kind, string Title, string Text, DateTimeOffset IssuedAt);

    /// <summary>An active fault or alarm.</summary>
    /// <param name="Id">Stable id while active.</param>
    /// <param name="Severity"><c>fault</c> (the cell stopped) or <c>alarm</c> (needs attention).</param>
    /// <param name="Text">What it is.</param>
    /// <param name="Since">When it became active.</param>
    public sealed record AlarmView(string Id, string Severity, string Text, DateTimeOffset Since);

    /// <summary>The shift figures.</summary>
    /// <param name="Uph">Units stowed per hour of shift time.</param>
    /// <param name="Stowed">Items stowed.</param>
    /// <param name="Inducted">Items inducted.</param>
    /// <param name="Attempted">Stow attempts.</param>
    /// <param name="Exceptions">Items sent down the exception path.</param>
    /// <param name="Pods">Pods presented.</param>
    /// <param name="ShiftSeconds">Shift time [s] (the cell's clock).</param>
    public sealed record FiguresView(double Uph, int Stowed, int Inducted, int Attempted, int Exceptions, int Pods, double ShiftSeconds);

    /// <summary>The latest camera view; its overlay (band mask, bin outlines, free boxes, bin labels) is drawn into the image.</summary>
    /// <param name="Seq">Frame number (changes with every new frame; part of the image URL).</param>
    /// <param name="Width">Image width [px].</param>
    /// <param name="Height">Image height [px].</param>
    /// <param name="Bin">Bin just perceived (the view is centred on it).</param>
    /// <param name="Bins">Every bin drawn, the current one first, with its outline and free box in view pixels and its estimate.</param>
    /// <param name="Label">The current bin's estimate in words.</param>
    public sealed record FrameView(long Seq, int Width, int Height, string Bin, IReadOnlyList<HmiFrameBin> Bins, string Label);
}
