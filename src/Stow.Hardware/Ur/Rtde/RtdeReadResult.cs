namespace Stow.Hardware.Ur.Rtde;

/// <summary>Outcome of reading one package off a connection (<see cref="RtdePacketReader"/>).</summary>
public enum RtdeReadResult
{
    /// <summary>A whole package was read.</summary>
    Ok,

    /// <summary>The peer closed the connection between packages.</summary>
    Closed,

    /// <summary>The connection ended inside a package (truncated).</summary>
    Truncated,

    /// <summary>The header's size is below the header size.</summary>
    WrongSize,

    /// <summary>The header's type is not an RTDE package type.</summary>
    UnknownType,
}
