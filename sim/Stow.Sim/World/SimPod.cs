namespace Stow.Sim.World;

using Stow.Core.Geometry;
using Stow.Core.Ids;
using Stow.Core.Outcomes;
using Stow.Core.Pods;
using Stow.Core.Space;

/// <summary>
/// A simulated pod: one <see cref="SimBin"/> per bin of its <see cref="Core.Pods.PodType"/>, with elastic bands on
/// every bin (<see cref="BinSpec.BandHeights"/>; an item whose front face is at x &lt; 0 protrudes past the band line),
/// and the stochastic stow operation. Deterministic: every random choice comes from the <see cref="Random"/> passed in.
/// </summary>
/// <remarks>
/// Not thread-safe: one thread owns a pod (the simulator's world thread). Only items fully inside a bin are kept:
/// a defect item (broken, dropped, protruding) leaves the flow through the cell's exception path.
/// </remarks>
public sealed partial class SimPod
{
    private readonly SimBin[] _bins;
    private readonly SimBin?[] _byId;
    private readonly int _columns;
    private readonly SimBin[] _scratch;

    /// <summary>Creates an empty pod.</summary>
    /// <param name="podId">The pod's id.</param>
    /// <param name="podType">Its face design.</param>
    /// <param name="options">Outcome model constants; <see cref="StowOutcomeOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The pod type has no bins.</exception>
    public SimPod(PodId podId, PodType podType, StowOutcomeOptions? options = null)
    {
        if (podType.Bins.Count == 0)
        {
            throw new ArgumentException($"pod type {podType.Name} has no bins", nameof(podType));
        }

        PodId = podId;
        PodType = podType;
        OutcomeModel = new StowOutcomeModel(options ?? StowOutcomeOptions.Default);
        _bins = new SimBin[podType.Bins.Count];
        var rows = 0;
        var cols = 0;
        for (var i = 0; i < _bins.Length; i++)
        {
            _bins[i] = new SimBin(podType.Bins[i]);
            rows = Math.Max(rows, podType.Bins[i].Id.Row + 1);
            cols = Math.Max(cols, podType.Bins[i].Id.Column + 1);
        }

        _columns = cols;
        _byId = new SimBin?[rows * cols];
        foreach (var b in _bins)
        {
            _byId[(b.Spec.Id.Row * cols) + b.Spec.Id.Column] = b;
        }

        _scratch = new SimBin[_bins.Length];
        for (var i = 0; i < _bins.Length; i++)
        {
            _scratch[i] = new SimBin(podType.Bins[i]);
        }
    }

    /// <summary>The pod's id.</summary>
    public PodId PodId { get; }

    /// <summary>The pod's face design.</summary>
    public PodType PodType { get; }

    /// <summary>The outcome model used by <see cref="Stow"/>.</summary>
    public StowOutcomeModel OutcomeModel { get; }

    /// <summary>The bins, in the pod type's order (row by row from the bottom, columns from the right).</summary>
    public IReadOnlyList<SimBin> Bins => _bins;

    /// <summary>Total number of items in the pod.</summary>
    public int ItemCount
    {
        get
        {
            var n = 0;
            foreach (var b in _bins)
            {
                n += b.Count;
            }

            return n;
        }
    }

    /// <summary>One bin by id.</summary>
    /// <exception cref="KeyNotFoundException">No such bin on this pod.</exception>
    public SimBin Bin(BinId id)
    {
        var k = (id.Row * _columns) + id.Column;
        return id.Column < _columns && id.Row >= 0 && id.Column >= 0 && k < _byId.Length && _byId[k] is { } b
            ? b
            : throw new KeyNotFoundException($"pod {PodId} ({PodType.Name}) has no bin {id}");
    }

    /// <summary>Empties every bin.</summary>
    public void Clear()
    {
        foreach (var b in _bins)
        {
            b.Clear();
        }
    }

    /// <summary>
    /// Simulates one stow: runs the request's sweeps and flips on the bin (their effects stay whatever the outcome),
    /// plans the insertion (<see cref="SimBin.PlanInsert"/>), draws the outcome (<see cref="StowOutcomeModel"/>) and,
    /// when stowed, adds the item. Allocation-free once the bin's item array has grown.
    /// </summary>
    /// <param name="request">What to stow where, how.</param>
    /// <param name="rng">Seeded random source.</param>
    /// <exception cref="KeyNotFoundException">The bin is not on this pod.</exception>
    /// <exception cref="ArgumentException">Stack or Slot appears before the end of the chain.</exception>
    public StowResult Stow(in StowRequest request, Random rng)
    {
        var bin = Bin(request.Bin);
        var mode = InsertionMode(request.Chain);
        RunChain(bin, request.Chain);
        var plan = bin.PlanInsert(request.Item, request.Orientation, request.Y, mode);
        var probabilities = OutcomeModel.Probabilities(request.Item, bin.Spec, plan, request.Chain);
        var outcome = OutcomeModel.Sample(request.Item, bin.Spec, plan, request.Chain, rng, out var reason);
        PlacedItem? placed = outcome == StowOutcome.Stowed ? bin.Commit(request.Item, plan) : null;
        return new StowResult(outcome, reason, placed, plan, probabilities);
    }

    /// <summary>
    /// What <see cref="Stow"/> would do, without changing the pod or drawing randomness: the plan after the chain ran
    /// on a scratch copy of the bin, and the outcome probabilities. For planners that use the simulator as an oracle.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The bin is not on this pod.</exception>
    /// <exception cref="ArgumentException">Stack or Slot appears before the end of the chain.</exception>
    public StowPreview Preview(in StowRequest request)
    {
        var bin = Bin(request.Bin);
        var mode = InsertionMode(request.Chain);
        var work = bin;
        if (HasSpaceMaking(request.Chain))
        {
            work = ScratchFor(bin);
            RunChain(work, request.Chain);
        }

        var plan = work.PlanInsert(request.Item, request.Orientation, request.Y, mode);
        var p = OutcomeModel.Probabilities(request.Item, bin.Spec, plan, request.Chain);
        return new StowPreview(plan, p);
    }

    /// <summary>Every item of the pod with its bin, bins in order, items in placement order.</summary>
    public IEnumerable<(BinSpec Bin, PlacedItem Item)> Contents()
    {
        foreach (var b in _bins)
        {
            for (var i = 0; i < b.Count; i++)
            {
                yield return (b.Spec, b[i]);
            }
        }
    }

    /// <summary>Maps a box from a bin's frame to the pod face frame (same axes, origin moved by <see cref="BinSpec.Origin"/>).</summary>
    public static Box3 ToPodFace(BinSpec bin, Box3 binFrameBox) => binFrameBox.Translate(bin.Origin);

    /// <summary>Maps a box from the pod face frame into a bin's frame (inverse of <see cref="ToPodFace"/>).</summary>
    public static Box3 ToBinFrame(BinSpec bin, Box3 podFaceBox) => podFaceBox.Translate(-bin.Origin);

    /// <summary>A scratch copy of a bin of this pod (one per bin, reused; valid until the next call for that bin).</summary>
    internal SimBin ScratchFor(SimBin bin)
    {
        var s = _scratch[Array.IndexOf(_bins, bin)];
        s.CopyFrom(bin);
        return s;
    }

    private static void RunChain(SimBin bin, IReadOnlyList<Primitive> chain)
    {
        for (var i = 0; i < chain.Count; i++)
        {
            switch (chain[i])
            {
                case Primitive.SweepLeft:
                case Primitive.SweepRight:
                    bin.Sweep(chain[i]);
                    break;
                case Primitive.Flip:
                    bin.Flip();
                    break;
                default:
                    break;
            }
        }
    }

    private static bool HasSpaceMaking(IReadOnlyList<Primitive> chain)
    {
        for (var i = 0; i < chain.Count; i++)
        {
            if (chain[i] is Primitive.SweepLeft or Primitive.SweepRight or Primitive.Flip)
            {
                return true;
            }
        }

        return false;
    }

    private static Primitive InsertionMode(IReadOnlyList<Primitive> chain)
    {
        var mode = Primitive.None;
        for (var i = 0; i < chain.Count; i++)
        {
            if (mode != Primitive.None && chain[i] != Primitive.None)
            {
                throw new ArgumentException($"{mode} must be the last primitive of the chain", nameof(chain));
            }

            if (chain[i] is Primitive.Stack or Primitive.Slot)
            {
                mode = chain[i];
            }
        }

        return mode;
    }
}
