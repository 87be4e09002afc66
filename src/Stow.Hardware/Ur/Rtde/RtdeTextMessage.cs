namespace Stow.Hardware.Ur.Rtde;

/// <summary>A text message received over RTDE.</summary>
/// <param name="Message">Text.</param>
/// <param name="Source">Who sent it.</param>
/// <param name="Level">Warning level.</param>
public readonly record struct RtdeTextMessage(string Message, string Source, RtdeMessageLevel Level);
