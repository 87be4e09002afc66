namespace Stow.Cell.Mqtt;

/// <summary>The broker refused the connection (CONNACK code ≠ 0, e.g. 4 bad user name or password, 5 not authorised),
/// or libmosquitto could not start it.</summary>
public sealed class MqttConnectException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MqttConnectException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MqttConnectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MqttConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a CONNACK or libmosquitto code.</summary>
    public MqttConnectException(int code, string message)
        : base(message) => Code = code;

    /// <summary>CONNACK return code (MQTT 3.1.1 section 3.2.2.3) or libmosquitto error code.</summary>
    public int Code { get; }
}
