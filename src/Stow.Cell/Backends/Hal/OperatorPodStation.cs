using System.Globalization;
using Stow.Core.Ids;
using Stow.Hardware.Lifecycle;
using Stow.Hardware.Management;
using Stow.Hardware.PodStation;

namespace Stow.Cell.Backends.Hal;

/// <summary>
/// A pod station without a drive-unit interface: the pod at the station and its swap are what the operator says. The
/// first pod is the first of <c>pods</c>; a swap (<see cref="RequestSwap"/>) is complete when the operator acknowledged the
/// pod-swap prompt, which the shift reports with <see cref="AcknowledgeArrival"/>; the next pod id is the next of
/// <c>pods</c>, and past the list <c>&lt;prefix&gt;-NNNN</c> counting on. Type key <see cref="TypeName"/>; parameters
/// <c>pods</c> (array of pod ids, default none) and <c>prefix</c> (default <c>POD</c>). Threading: shift thread and loop
/// thread, single-word fields (no torn values).
/// </summary>
public sealed class OperatorPodStation : CommandedComponent, IPodStation
{
    /// <summary>Type key in the <see cref="HardwareRegistry"/>.</summary>
    public const string TypeName = "operator.pod_station";

    private readonly string[] _pods;
    private readonly string _prefix;
    private PodStationState _state;
    private int _index;

    /// <summary>Creates the station, Unconfigured.</summary>
    /// <param name="name">Component name.</param>
    /// <param name="pods">Pod ids in arrival order (may be empty).</param>
    /// <param name="prefix">Prefix of generated pod ids past the list.</param>
    public OperatorPodStation(string name, IReadOnlyList<string> pods, string prefix)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        _pods = [.. pods];
        _prefix = prefix;
        _state.Pod = PodAt(0);
        _state.PodPresent = true;
    }

    /// <inheritdoc />
    public PodStationState State => _state;

    /// <summary>Registers <see cref="TypeName"/>.</summary>
    /// <param name="registry">Registry to fill.</param>
    public static void Register(HardwareRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(TypeName, c =>
        {
            var pods = new List<string>();
            if (c.TryGet("pods", out var list))
            {
                if (list.ValueKind != System.Text.Json.JsonValueKind.Array)
                {
                    throw c.ParamError("pods", "pods must be an array of pod id strings");
                }

                foreach (var p in list.EnumerateArray())
                {
                    if (p.ValueKind != System.Text.Json.JsonValueKind.String || string.IsNullOrWhiteSpace(p.GetString()))
                    {
                        throw c.ParamError("pods", "every pod id must be a non-empty string");
                    }

                    pods.Add(p.GetString()!);
                }
            }

            return new OperatorPodStation(c.Name, pods, c.GetString("prefix", "POD"));
        });
    }

    /// <inheritdoc />
    public CommandStatus RequestSwap()
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (_state.Swap != PodSwapPhase.Idle)
        {
            return CommandStatus.Invalid;
        }

        _state.Swap = PodSwapPhase.Requested;
        _state.PodPresent = false;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc />
    /// <remarks>The operator acknowledged the swap prompt: the next pod is at the station.</remarks>
    public CommandStatus AcknowledgeArrival()
    {
        if (!IsActive)
        {
            return CommandStatus.NotActive;
        }

        if (_state.Swap != PodSwapPhase.Requested)
        {
            return CommandStatus.Invalid;
        }

        _state.Pod = PodAt(++_index);
        _state.PodPresent = true;
        _state.Swap = PodSwapPhase.Idle;
        return CommandStatus.Accepted;
    }

    /// <inheritdoc />
    public override HardwareResult Read(double time, double period)
    {
        _state.Stamp = time;
        return IsReadable ? HardwareResult.Ok : HardwareResult.Error;
    }

    /// <inheritdoc />
    public override HardwareResult Write(double time, double period) => IsReadable ? HardwareResult.Ok : HardwareResult.Error;

    private PodId PodAt(int index) => new(index < _pods.Length ? _pods[index] : string.Create(CultureInfo.InvariantCulture, $"{_prefix}-{index + 1:D4}"));
}
