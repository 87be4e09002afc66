namespace Stow.Hardware.Ur.Rtde;

/// <summary>The controller's software version (RTDE_GET_URCONTROL_VERSION reply).</summary>
/// <param name="Major">Major (5 for e-Series).</param>
/// <param name="Minor">Minor.</param>
/// <param name="Bugfix">Bug-fix.</param>
/// <param name="Build">Build.</param>
public readonly record struct UrControlVersion(uint Major, uint Minor, uint Bugfix, uint Build);
