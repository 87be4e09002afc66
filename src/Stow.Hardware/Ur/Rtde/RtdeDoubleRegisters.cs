using System.Runtime.CompilerServices;

namespace Stow.Hardware.Ur.Rtde;

/// <summary>The 48 DOUBLE registers of one direction, inline.</summary>
[InlineArray(RtdeFields.RegisterCount)]
public struct RtdeDoubleRegisters
{
    private double _element0;
}
