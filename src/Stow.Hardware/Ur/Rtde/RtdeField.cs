namespace Stow.Hardware.Ur.Rtde;

/// <summary>One resolved recipe field: its kind, register index (registers only, else 0) and wire type.</summary>
/// <param name="Kind">The field.</param>
/// <param name="Index">Register number 0..47 for register fields, else 0.</param>
/// <param name="Type">Wire type.</param>
public readonly record struct RtdeField(RtdeFieldKind Kind, int Index, RtdeType Type);
