using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.Management;

/// <summary>The outcome of one lifecycle transition on one component.</summary>
/// <param name="Name">Component name.</param>
/// <param name="Result">The callback's result.</param>
/// <param name="State">The component's state afterwards.</param>
/// <param name="Error">The component's <c>LastError</c> when the result is not success, else empty.</param>
public readonly record struct ComponentOutcome(string Name, CallbackReturn Result, LifecycleState State, string Error);
