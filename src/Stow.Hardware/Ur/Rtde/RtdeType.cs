namespace Stow.Hardware.Ur.Rtde;

/// <summary>
/// Field data types of RTDE recipes (RTDE guide, "Data types"), all big-endian on the wire. <see cref="NotFound"/> and
/// <see cref="InUse"/> are the controller's answers for a name it does not know or an input another client holds.
/// </summary>
public enum RtdeType
{
    /// <summary>BOOL: one byte, 0 or 1.</summary>
    Bool,

    /// <summary>UINT8.</summary>
    UInt8,

    /// <summary>UINT32.</summary>
    UInt32,

    /// <summary>UINT64.</summary>
    UInt64,

    /// <summary>INT32.</summary>
    Int32,

    /// <summary>DOUBLE (IEEE 754 binary64).</summary>
    Double,

    /// <summary>VECTOR3D: three doubles.</summary>
    Vector3D,

    /// <summary>VECTOR6D: six doubles.</summary>
    Vector6D,

    /// <summary>VECTOR6INT32: six INT32.</summary>
    Vector6Int32,

    /// <summary>VECTOR6UINT32: six UINT32.</summary>
    Vector6UInt32,

    /// <summary>NOT_FOUND: the controller does not know the requested name.</summary>
    NotFound,

    /// <summary>IN_USE: an input field already set up by another client.</summary>
    InUse,
}
