namespace Stow.Cell.Hosting;

/// <summary>Which MQTT broker the cell talks to (<c>Cell:Mqtt:Broker</c>; config text <c>start</c>, <c>external</c>).</summary>
public enum MqttBrokerMode
{
    /// <summary>A mosquitto broker started for the run on a free loopback port.</summary>
    Start,

    /// <summary>The broker at <c>Cell:Mqtt:Host</c> and <c>Cell:Mqtt:Port</c>.</summary>
    External,
}
