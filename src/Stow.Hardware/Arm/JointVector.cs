using System.Runtime.CompilerServices;

namespace Stow.Hardware.Arm;

/// <summary>Six joint values [rad] (or [rad/s]) stored inline, so arm state copies never allocate.</summary>
[InlineArray(Count)]
public struct JointVector
{
    /// <summary>Number of joints of a 6-axis arm.</summary>
    public const int Count = 6;

    private double _element0;
}
