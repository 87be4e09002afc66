using MQTTnet;

namespace Stow.Cell.Mqtt;

/// <summary>
/// The broker refused the connection: the MQTT 5 CONNACK reason code is not Success (e.g. 134 bad user name or
/// password, 135 not authorised; MQTT 5.0 section 3.2.2.2), or a subscription the client needs was refused.
/// </summary>
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

    /// <summary>Creates the exception for a CONNACK reason code.</summary>
    /// <param name="resultCode">The broker's reason code.</param>
    /// <param name="message">What was refused, with the code and the broker's reason string if any.</param>
    /// <param name="innerException">MQTTnet's exception, or null.</param>
    public MqttConnectException(MqttClientConnectResultCode resultCode, string message, Exception? innerException = null)
        : base(message, innerException) => ResultCode = resultCode;

    /// <summary>The MQTT 5 CONNACK reason code (MQTT 5.0 section 3.2.2.2); <see cref="MqttClientConnectResultCode.UnspecifiedError"/> when none applies.</summary>
    public MqttClientConnectResultCode ResultCode { get; } = MqttClientConnectResultCode.UnspecifiedError;

    /// <summary>The reason code as a number (134 = bad user name or password, 135 = not authorised).</summary>
    public int Code => (int)ResultCode;
}
