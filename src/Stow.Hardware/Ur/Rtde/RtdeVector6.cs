using System.Runtime.CompilerServices;

namespace Stow.Hardware.Ur.Rtde;

/// <summary>Six doubles stored inline (a VECTOR6D field), so state copies never allocate.</summary>
[InlineArray(6)]
public struct RtdeVector6
{
    private double _element0;
}
