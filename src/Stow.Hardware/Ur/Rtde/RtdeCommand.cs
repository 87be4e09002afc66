namespace Stow.Hardware.Ur.Rtde;

/// <summary>
/// Package types of the RTDE protocol (Universal Robots, "Real-Time Data Exchange (RTDE) Guide"): the third byte of
/// every package header, an ASCII letter.
/// </summary>
public enum RtdeCommand : byte
{
    /// <summary>'V' (86): request protocol version; payload uint16 version; reply uint8 accepted.</summary>
    RequestProtocolVersion = 86,

    /// <summary>'v' (118): get URControl version; no payload; reply uint32 major, minor, bugfix, build.</summary>
    GetUrControlVersion = 118,

    /// <summary>'M' (77): text message; v2 payload uint8 length, message, uint8 length, source, uint8 warning level.</summary>
    TextMessage = 77,

    /// <summary>'U' (85): data package; payload uint8 recipe id, then the recipe's fields in order.</summary>
    DataPackage = 85,

    /// <summary>'O' (79): setup outputs; payload double frequency [Hz], comma-separated names; reply uint8 recipe id, types.</summary>
    ControlPackageSetupOutputs = 79,

    /// <summary>'I' (73): setup inputs; payload comma-separated names; reply uint8 recipe id, types.</summary>
    ControlPackageSetupInputs = 73,

    /// <summary>'S' (83): start the synchronisation loop; reply uint8 accepted.</summary>
    ControlPackageStart = 83,

    /// <summary>'P' (80): pause the synchronisation loop; reply uint8 accepted.</summary>
    ControlPackagePause = 80,
}
