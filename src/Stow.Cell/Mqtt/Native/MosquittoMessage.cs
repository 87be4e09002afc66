using System.Runtime.InteropServices;

namespace Stow.Cell.Mqtt.Native;

/// <summary>
/// <c>struct mosquitto_message</c> (mosquitto.h): valid only during the message callback; an empty payload
/// arrives as a NULL <see cref="Payload"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MosquittoMessage
{
    public int Mid;
    public IntPtr Topic;
    public IntPtr Payload;
    public int PayloadLen;
    public int Qos;
    public byte Retain;
}
