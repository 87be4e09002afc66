using System.Runtime.CompilerServices;

namespace Stow.Hardware.Ur.Rtde;

/// <summary>The 48 INT32 registers of one direction, inline.</summary>
[InlineArray(RtdeFields.RegisterCount)]
public struct RtdeIntRegisters
{
    private int _element0;
}
