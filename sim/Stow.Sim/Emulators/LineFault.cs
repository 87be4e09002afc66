namespace Stow.Sim.Emulators;

/// <summary>A line fault a device emulator injects into its responses (<see cref="LineFaultInjector"/>).</summary>
public enum LineFault
{
    /// <summary>Responses go out unchanged.</summary>
    None,

    /// <summary>One bit of the CRC is flipped.</summary>
    CrcError,

    /// <summary>Only the first half of the response is sent.</summary>
    Truncated,

    /// <summary>Bytes of noise (0xAA 0x55 …) of the response's length are sent instead.</summary>
    Garbage,

    /// <summary>Nothing is sent (the master times out).</summary>
    Silence,

    /// <summary>
    /// A well-formed frame with a valid CRC whose register values are all 0xFFFF (a controller bug or memory
    /// corruption): the line cannot detect it, the driver's plausibility checks must.
    /// </summary>
    ImplausibleValues,
}
