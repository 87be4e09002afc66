namespace Stow.Hardware.Ur.Rtde;

/// <summary>Warning level of an RTDE text message (RTDE guide).</summary>
public enum RtdeMessageLevel : byte
{
    /// <summary>EXCEPTION_MESSAGE.</summary>
    Exception = 0,

    /// <summary>ERROR_MESSAGE.</summary>
    Error = 1,

    /// <summary>WARNING_MESSAGE.</summary>
    Warning = 2,

    /// <summary>INFO_MESSAGE.</summary>
    Info = 3,
}
