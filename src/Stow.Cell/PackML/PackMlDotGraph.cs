using System.Globalization;
using System.Text;

namespace Stow.Cell.PackML;

/// <summary>
/// Writes the PackML machine of one unit mode as a Graphviz DOT digraph: wait states as ellipses, acting
/// states as boxes, one edge per allowed transition labelled with the command or <c>SC</c>. The output is
/// deterministic (fixed order, <c>\n</c> line ends) so a test can compare it with <c>docs/packml.dot</c>.
/// Thread-safe (pure).
/// </summary>
public static class PackMlDotGraph
{
    /// <summary>Returns the DOT text for <paramref name="mode"/>.</summary>
    public static string Write(UnitMode mode)
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.Append(ci, $"digraph \"PackML {mode}\" {{\n");
        sb.Append("  rankdir=LR;\n");
        sb.Append("  node [fontname=\"Helvetica\"];\n");
        foreach (var s in PackMlTransitionTable.States)
        {
            if (!PackMlModeRules.HasState(mode, s))
            {
                continue;
            }

            var shape = PackMlTransitionTable.IsActing(s) ? "box" : "ellipse";
            sb.Append(ci, $"  \"{s}\" [shape={shape}];\n");
        }

        foreach (var (from, trigger, _) in PackMlTransitionTable.Transitions)
        {
            if (PackMlModeRules.TryGetTarget(mode, from, trigger, out var to))
            {
                var label = trigger == PackMlTrigger.StateComplete ? "SC" : trigger.ToString();
                sb.Append(ci, $"  \"{from}\" -> \"{to}\" [label=\"{label}\"];\n");
            }
        }

        sb.Append("}\n");
        return sb.ToString();
    }
}
