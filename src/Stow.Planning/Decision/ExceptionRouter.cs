namespace Stow.Planning.Decision;

using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Planning.Candidates;

/// <summary>
/// Decides whether an item can ever be stowed: it must fit, in an orientation its packaging class allows and with
/// the fit margins, the empty interior (opening width × opening height × depth) of at least one bin of at least one
/// known pod type. An item that cannot goes to the exception path instead of waiting in the buffer forever.
/// Immutable after construction; thread-safe.
/// </summary>
public sealed class ExceptionRouter
{
    private readonly double[] _depth;
    private readonly double[] _width;
    private readonly double[] _height;
    private readonly FitOptions _fit;

    /// <summary>Builds the router from every pod type the cell can be given.</summary>
    /// <exception cref="ArgumentException"><paramref name="podTypes"/> is empty.</exception>
    public ExceptionRouter(IReadOnlyList<PodType> podTypes, FitOptions fit)
    {
        ArgumentNullException.ThrowIfNull(podTypes);
        ArgumentNullException.ThrowIfNull(fit);
        if (podTypes.Count == 0)
        {
            throw new ArgumentException("at least one pod type is needed to decide exceptions", nameof(podTypes));
        }

        var d = new List<double>();
        var w = new List<double>();
        var h = new List<double>();
        foreach (var t in podTypes)
        {
            foreach (var b in t.Bins)
            {
                d.Add(b.Depth);
                w.Add(b.OpeningWidth);
                h.Add(b.OpeningHeight);
            }
        }

        _depth = [.. d];
        _width = [.. w];
        _height = [.. h];
        _fit = fit;
    }

    /// <summary>True when <paramref name="item"/> fits the empty interior of some bin of some pod type.</summary>
    public bool FitsSomePodType(Item item)
    {
        ArgumentNullException.ThrowIfNull(item);
        foreach (var o in OrientationRules.Allowed(item.Class))
        {
            OrientationRules.Extents(item.Dimensions, o, out var dx, out var dy, out var dz);
            for (var b = 0; b < _depth.Length; b++)
            {
                if (dx + _fit.DepthMargin <= _depth[b] && dy + _fit.WidthMargin <= _width[b] && dz + _fit.HeightMargin <= _height[b])
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The decisions every policy takes before looking at candidates: <see cref="DecisionKind.Idle"/> for an
    /// empty buffer, <see cref="DecisionKind.Exception"/> for the first item that fits no bin of any pod type;
    /// null when candidates must be scored.
    /// </summary>
    public StowDecision? Precheck(IReadOnlyList<Item> buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (buffer.Count == 0)
        {
            return new StowDecision(DecisionKind.Idle, null, null, false, 0, [], 0, "buffer empty");
        }

        for (var i = 0; i < buffer.Count; i++)
        {
            if (!FitsSomePodType(buffer[i]))
            {
                return new StowDecision(
                    DecisionKind.Exception, buffer[i], null, false, 0, [], 0,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"item {buffer[i].Id} fits no bin of any pod type: exception path"));
            }
        }

        return null;
    }
}
