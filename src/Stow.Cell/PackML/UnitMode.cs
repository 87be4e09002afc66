namespace Stow.Cell.PackML;

/// <summary>
/// PackML unit modes (ANSI/ISA-TR88.00.02-2015, section 5.1: Production, Maintenance and Manual are the
/// three the standard names). Which states and commands each mode has is decided by
/// <see cref="PackMlModeRules"/>.
/// </summary>
public enum UnitMode
{
    /// <summary>Normal production: all 17 states and all 10 commands.</summary>
    Production = 1,

    /// <summary>Maintenance: production may run for test, but no Suspend/Unsuspend and no Complete.</summary>
    Maintenance = 2,

    /// <summary>Manual: jogging and single steps; no Hold/Unhold, no Suspend/Unsuspend, no Complete.</summary>
    Manual = 3,
}
