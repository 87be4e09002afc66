namespace Stow.Hardware.Lifecycle;

/// <summary>
/// Primary and error states of a hardware component, as in the ros2_control / ROS 2 managed-node
/// lifecycle (design.ros2.org "Managed nodes"; ros2_control <c>hardware_component_interface.hpp</c>).
/// </summary>
public enum LifecycleState
{
    /// <summary>Created, not configured: no communication with the device.</summary>
    Unconfigured,

    /// <summary>Configured: communication up, states readable, commands refused.</summary>
    Inactive,

    /// <summary>Active: states read and commands accepted and written every cycle.</summary>
    Active,

    /// <summary>Terminal: shut down; no further transition.</summary>
    Finalized,

    /// <summary>A transition or a cycle reported an error; <c>on_error</c> is being handled.</summary>
    ErrorProcessing,
}
