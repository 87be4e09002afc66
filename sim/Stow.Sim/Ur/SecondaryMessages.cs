using System.Buffers.Binary;
using System.Text;
using Stow.Hardware.Ur.Rtde;

namespace Stow.Sim.Ur;

/// <summary>
/// The binary messages a UR controller sends on its primary/secondary client interface (ports 30001/30002), per UR's
/// "Client interface" document as the e-Series (PolyScope 5) controllers send them: every message is an int32 length
/// (the whole message, header included) and a uint8 message type, big-endian throughout.
/// <list type="bullet">
/// <item>Version (sent once on connection): message type 20 (ROBOT_MESSAGE), uint64 timestamp, int8 source,
/// uint8 robot-message type 3 (VERSION), int8 project-name length, the name, uint8 major, uint8 minor, int32 bugfix,
/// int32 build, then the build date as text to the end.</item>
/// <item>Robot state (10 Hz): message type 16 (ROBOT_STATE), then sub-packages, each an int32 length (header included)
/// and a uint8 package type. The emulator sends one: robot mode data (type 0): uint64 timestamp, seven bools (real
/// robot connected, real robot enabled, power on, emergency stopped, protective stopped, program running, program
/// paused), uint8 robot mode, uint8 control mode, double target speed fraction, double speed scaling, double target
/// speed fraction limit, uint8 reserved: 47 bytes with its header.</item>
/// </list>
/// Stateless; thread-safe.
/// </summary>
internal static class SecondaryMessages
{
    /// <summary>Message type of the robot state message.</summary>
    public const byte RobotState = 16;

    /// <summary>Message type of a robot message (version, text, …).</summary>
    public const byte RobotMessage = 20;

    /// <summary>Robot-message type of the version message.</summary>
    public const byte VersionMessage = 3;

    /// <summary>Package type of robot mode data inside a robot state message.</summary>
    public const byte RobotModeData = 0;

    /// <summary>Length of the robot-mode-data package, header included [bytes].</summary>
    public const int RobotModeDataLength = 47;

    /// <summary>Length of a robot state message carrying robot mode data only [bytes].</summary>
    public const int RobotStateLength = 5 + RobotModeDataLength;

    /// <summary>Message source of the version message: -2, as controllers report it.</summary>
    private const sbyte ControllerSource = -2;

    private const string ProjectName = "URControl";
    private const string BuildDate = "30-11-2026, 00:00:00";

    /// <summary>Writes the version message.</summary>
    /// <param name="version">The controller version (as RTDE reports it).</param>
    /// <param name="timestamp">Controller uptime [µs].</param>
    /// <returns>The message bytes.</returns>
    public static byte[] Version(UrControlVersion version, ulong timestamp)
    {
        var name = Encoding.ASCII.GetBytes(ProjectName);
        var date = Encoding.ASCII.GetBytes(BuildDate);
        var m = new byte[5 + 8 + 1 + 1 + 1 + name.Length + 1 + 1 + 4 + 4 + date.Length];
        BinaryPrimitives.WriteInt32BigEndian(m, m.Length);
        m[4] = RobotMessage;
        BinaryPrimitives.WriteUInt64BigEndian(m.AsSpan(5), timestamp);
        m[13] = unchecked((byte)ControllerSource);
        m[14] = VersionMessage;
        m[15] = (byte)name.Length;
        name.CopyTo(m, 16);
        var p = 16 + name.Length;
        m[p++] = (byte)version.Major;
        m[p++] = (byte)version.Minor;
        BinaryPrimitives.WriteInt32BigEndian(m.AsSpan(p), (int)version.Bugfix);
        BinaryPrimitives.WriteInt32BigEndian(m.AsSpan(p + 4), (int)version.Build);
        date.CopyTo(m, p + 8);
        return m;
    }

    /// <summary>Writes a robot state message with one robot-mode-data package into <paramref name="m"/>.</summary>
    /// <param name="m">Destination, at least <see cref="RobotStateLength"/> bytes.</param>
    /// <param name="s">The controller's latest published state (robot mode, safety mode, runtime state, speed scaling).</param>
    /// <param name="timestamp">Controller uptime [µs].</param>
    /// <returns>Bytes written (<see cref="RobotStateLength"/>).</returns>
    public static int RobotStateMessage(Span<byte> m, in RtdeState s, ulong timestamp)
    {
        BinaryPrimitives.WriteInt32BigEndian(m, RobotStateLength);
        m[4] = RobotState;
        var p = m[5..];
        BinaryPrimitives.WriteInt32BigEndian(p, RobotModeDataLength);
        p[4] = RobotModeData;
        BinaryPrimitives.WriteUInt64BigEndian(p[5..], timestamp);
        var safety = (Stow.Hardware.Ur.UrSafetyMode)s.SafetyMode;
        var mode = (Stow.Hardware.Ur.UrRobotMode)s.RobotMode;
        p[13] = 1; // real robot connected
        p[14] = 1; // real robot enabled
        p[15] = mode is Stow.Hardware.Ur.UrRobotMode.PowerOn or Stow.Hardware.Ur.UrRobotMode.Idle or Stow.Hardware.Ur.UrRobotMode.Running ? (byte)1 : (byte)0;
        p[16] = safety is Stow.Hardware.Ur.UrSafetyMode.SystemEmergencyStop or Stow.Hardware.Ur.UrSafetyMode.RobotEmergencyStop ? (byte)1 : (byte)0;
        p[17] = safety == Stow.Hardware.Ur.UrSafetyMode.ProtectiveStop ? (byte)1 : (byte)0;
        p[18] = s.RuntimeState == (uint)Stow.Hardware.Ur.UrRuntimeState.Playing ? (byte)1 : (byte)0;
        p[19] = s.RuntimeState == (uint)Stow.Hardware.Ur.UrRuntimeState.Paused ? (byte)1 : (byte)0;
        p[20] = unchecked((byte)s.RobotMode);
        p[21] = 0; // control mode: position
        BinaryPrimitives.WriteDoubleBigEndian(p[22..], s.TargetSpeedFraction);
        BinaryPrimitives.WriteDoubleBigEndian(p[30..], s.SpeedScaling);
        BinaryPrimitives.WriteDoubleBigEndian(p[38..], 1.0); // target speed fraction limit
        p[46] = 0; // reserved
        return RobotStateLength;
    }
}
