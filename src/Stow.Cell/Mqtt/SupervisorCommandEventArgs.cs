using Stow.Cell.PackML;

namespace Stow.Cell.Mqtt;

/// <summary>A valid PackML command arrived from the plant supervisor on <c>cmd/packml</c>; the host decides
/// whether to apply it (<see cref="PackMlCell.Execute"/>).</summary>
/// <param name="Command">The command.</param>
/// <param name="Source">Who sent it (payload field <c>source</c>, may be empty).</param>
public sealed record SupervisorCommandEventArgs(PackMlCommand Command, string Source);
