using System.Runtime.InteropServices;

namespace Stow.Cell.Mqtt.Native;

/// <summary>
/// P/Invoke declarations of libmosquitto 2.0 (<c>libmosquitto.so.1</c>, Eclipse Mosquitto's C client;
/// signatures from <c>include/mosquitto.h</c> of mosquitto 2.0). C <c>bool</c> is one byte (U1). Every
/// function is thread-safe once <c>mosquitto_loop_start</c> runs the network thread (threaded mode), except
/// <c>new</c>/<c>destroy</c> and the <c>*_set</c> configuration calls, which must precede connecting.
/// </summary>
internal static unsafe partial class LibMosquitto
{
    public const string Library = "libmosquitto.so.1";

    /// <summary>MOSQ_ERR_SUCCESS.</summary>
    public const int Success = 0;

    /// <summary>MOSQ_OPT_PROTOCOL_VERSION.</summary>
    public const int OptProtocolVersion = 1;

    /// <summary>MQTT_PROTOCOL_V311.</summary>
    public const int ProtocolV311 = 4;

    [LibraryImport(Library, EntryPoint = "mosquitto_lib_init")]
    public static partial int LibInit();

    [LibraryImport(Library, EntryPoint = "mosquitto_new", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr New(string id, [MarshalAs(UnmanagedType.U1)] bool cleanSession, IntPtr obj);

    [LibraryImport(Library, EntryPoint = "mosquitto_destroy")]
    public static partial void Destroy(IntPtr mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_int_option")]
    public static partial int IntOption(IntPtr mosq, int option, int value);

    [LibraryImport(Library, EntryPoint = "mosquitto_username_pw_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UsernamePwSet(IntPtr mosq, string? username, string? password);

    [LibraryImport(Library, EntryPoint = "mosquitto_will_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int WillSet(IntPtr mosq, string topic, int payloadLen, byte* payload, int qos,
        [MarshalAs(UnmanagedType.U1)] bool retain);

    [LibraryImport(Library, EntryPoint = "mosquitto_reconnect_delay_set")]
    public static partial int ReconnectDelaySet(IntPtr mosq, uint delay, uint delayMax,
        [MarshalAs(UnmanagedType.U1)] bool exponentialBackoff);

    [LibraryImport(Library, EntryPoint = "mosquitto_connect_async", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ConnectAsync(IntPtr mosq, string host, int port, int keepalive);

    [LibraryImport(Library, EntryPoint = "mosquitto_disconnect")]
    public static partial int Disconnect(IntPtr mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_loop_start")]
    public static partial int LoopStart(IntPtr mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_loop_stop")]
    public static partial int LoopStop(IntPtr mosq, [MarshalAs(UnmanagedType.U1)] bool force);

    [LibraryImport(Library, EntryPoint = "mosquitto_publish", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Publish(IntPtr mosq, int* mid, string topic, int payloadLen, byte* payload, int qos,
        [MarshalAs(UnmanagedType.U1)] bool retain);

    [LibraryImport(Library, EntryPoint = "mosquitto_subscribe", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Subscribe(IntPtr mosq, int* mid, string sub, int qos);

    [LibraryImport(Library, EntryPoint = "mosquitto_connect_callback_set")]
    public static partial void ConnectCallbackSet(IntPtr mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, void> onConnect);

    [LibraryImport(Library, EntryPoint = "mosquitto_disconnect_callback_set")]
    public static partial void DisconnectCallbackSet(IntPtr mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, void> onDisconnect);

    [LibraryImport(Library, EntryPoint = "mosquitto_message_callback_set")]
    public static partial void MessageCallbackSet(IntPtr mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, MosquittoMessage*, void> onMessage);

    [LibraryImport(Library, EntryPoint = "mosquitto_subscribe_callback_set")]
    public static partial void SubscribeCallbackSet(IntPtr mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, int, int*, void> onSubscribe);

    [LibraryImport(Library, EntryPoint = "mosquitto_strerror")]
    public static partial IntPtr StrError(int rc);

    [LibraryImport(Library, EntryPoint = "mosquitto_connack_string")]
    public static partial IntPtr ConnackString(int code);

    /// <summary>libmosquitto's text for an error code.</summary>
    public static string ErrorText(int rc) => Marshal.PtrToStringUTF8(StrError(rc)) ?? rc.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>libmosquitto's text for a CONNACK code.</summary>
    public static string ConnackText(int code) =>
        Marshal.PtrToStringUTF8(ConnackString(code)) ?? code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
