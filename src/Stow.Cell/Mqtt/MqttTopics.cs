using System.Text.RegularExpressions;

namespace Stow.Cell.Mqtt;

/// <summary>
/// The topic tree of one cell, all under <c>stowcell/&lt;cell-id&gt;/</c> (docs/mqtt.md). Status topics and
/// prompts are published retained by the cell; operators write only <see cref="OperatorAck"/>; the plant
/// supervisor writes <c>cmd/#</c>. Immutable; thread-safe.
/// </summary>
public sealed partial class MqttTopics
{
    /// <summary>Creates the topic names for <paramref name="cellId"/>.</summary>
    /// <exception cref="ArgumentException">The id is empty or has characters other than letters, digits, '-' and '_'.</exception>
    public MqttTopics(string cellId)
    {
        if (!CellIdPattern().IsMatch(cellId))
        {
            throw new ArgumentException($"cell id '{cellId}' must be 1-64 of [A-Za-z0-9_-]", nameof(cellId));
        }

        CellId = cellId;
        Root = "stowcell/" + cellId;
    }

    /// <summary>The cell id.</summary>
    public string CellId { get; }

    /// <summary><c>stowcell/&lt;cell-id&gt;</c>.</summary>
    public string Root { get; }

    /// <summary>Retained; <c>{"schema":1,"online":bool,"at":...}</c>; the last will sets it to false.</summary>
    public string Online => Root + "/status/online";

    /// <summary>Retained PackML state and unit mode.</summary>
    public string State => Root + "/status/state";

    /// <summary>Retained fill of the pod at the face.</summary>
    public string Pod => Root + "/status/pod";

    /// <summary>Retained current stow (or <c>"active":false</c>).</summary>
    public string Stow => Root + "/status/stow";

    /// <summary>Filter for every prompt: <c>stowcell/&lt;cell-id&gt;/prompts/+</c>.</summary>
    public string Prompts => Root + "/prompts/+";

    /// <summary>Operators acknowledge prompts here (the only topic an operator may write).</summary>
    public string OperatorAck => Root + "/operator/ack";

    /// <summary>PackML commands from the plant supervisor (a motion command: operators are denied by the ACL).</summary>
    public string PackMlCommand => Root + "/cmd/packml";

    /// <summary>Reserved for direct motion commands (jog, home) from the supervisor; the cell does not consume it yet.</summary>
    public string MotionCommand => Root + "/cmd/motion";

    /// <summary>Retained prompt <paramref name="promptId"/>; cleared (empty retained payload) once acknowledged.</summary>
    public string Prompt(string promptId) => Root + "/prompts/" + promptId;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CellIdPattern();
}
