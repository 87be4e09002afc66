namespace Stow.Planning.Candidates;

using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Planning.Risk;

/// <summary>
/// Enumerates every (buffered item × bin × chain) of a pod face, picks for each the allowed orientation with the
/// highest predicted success among those that fit the chain's free box with non-negative clearance on every axis,
/// and keeps the result in a preallocated buffer. A candidate with negative clearance is never produced.
/// </summary>
/// <remarks>
/// Fit: the item's extents in an orientation (<see cref="OrientationRules"/>) plus the margins of
/// <see cref="FitOptions"/> (widened by (1 − estimate confidence) · uncertainty margin) must fit inside the box
/// <see cref="ChainSpace.Of"/> derives for the chain, capped by the bin's interior (opening width × opening height ×
/// depth of its <see cref="BinSpec"/>) in case an estimate overstates the room. Bins whose id is not on <see cref="PodType"/> are skipped (no
/// bin volume, so no fill fraction). Threading: not thread-safe (owns mutable buffers); use one per planner.
/// Allocation: none per call once the buffers have grown to the largest buffer × face seen.
/// </remarks>
public sealed class CandidateGenerator
{
    private readonly FitOptions _fit;
    private StowCandidate[] _candidates;
    private PrimitiveSpace[] _spaces;
    private BinMeta[] _bins;
    private int _count;

    /// <summary>Builds a generator with buffers sized for <paramref name="itemCapacity"/> items × <paramref name="binCapacity"/> bins (they grow when needed).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A margin of <paramref name="fit"/> is negative, or a capacity &lt; 1.</exception>
    public CandidateGenerator(FitOptions? fit = null, int itemCapacity = 20, int binCapacity = PodType.MaxBins)
    {
        _fit = fit ?? new FitOptions();
        _fit.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(itemCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCapacity, 1);
        _candidates = new StowCandidate[itemCapacity * binCapacity * PrimitiveChain.Count];
        _spaces = new PrimitiveSpace[binCapacity * PrimitiveChain.Count];
        _bins = new BinMeta[binCapacity];
    }

    /// <summary>
    /// True (default) to try every chain of <see cref="PrimitiveChain.All"/>; false to try only the plain insertion (a
    /// planner without space-making primitives, the ablation of <c>plan eval</c>).
    /// </summary>
    public bool SpaceMaking { get; init; } = true;

    /// <summary>The fit margins in use.</summary>
    public FitOptions Fit => _fit;

    /// <summary>The candidates of the last <see cref="Generate"/> call; valid until the next call.</summary>
    public ReadOnlySpan<StowCandidate> Candidates => _candidates.AsSpan(0, _count);

    /// <summary>
    /// Fills <see cref="Candidates"/> for <paramref name="buffer"/> on the face described by <paramref name="estimate"/>
    /// and <paramref name="podType"/>, scoring each orientation with <paramref name="model"/>; returns the count.
    /// Candidate order: item, then bin (estimate order), then chain (<see cref="PrimitiveChain.All"/> order).
    /// </summary>
    public int Generate(IReadOnlyList<Item> buffer, PodSpaceEstimate estimate, PodType podType, ISuccessModel model)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(podType);
        ArgumentNullException.ThrowIfNull(model);
        var binCount = estimate.Bins.Count;
        EnsureCapacity(buffer.Count, binCount);
        PrepareBins(estimate, podType);

        var count = 0;
        var chains = PrimitiveChain.All;
        for (var i = 0; i < buffer.Count; i++)
        {
            var item = buffer[i];
            var dims = item.Dimensions;
            var volume = dims.Volume;
            for (var b = 0; b < binCount; b++)
            {
                ref readonly var meta = ref _bins[b];
                if (!meta.Valid)
                {
                    continue;
                }

                for (var k = 0; k < (SpaceMaking ? PrimitiveChain.Count : 1); k++)
                {
                    ref readonly var space = ref _spaces[(b * PrimitiveChain.Count) + k];
                    if (space.Width <= 0 || space.Height <= 0 || space.Depth <= 0)
                    {
                        continue;
                    }

                    var found = false;
                    var best = default(StowCandidate);
                    foreach (var o in OrientationRules.Allowed(item.Class))
                    {
                        OrientationRules.Extents(dims, o, out var dx, out var dy, out var dz);
                        var cw = space.Width - dy - meta.WidthMargin;
                        var ch = space.Height - dz - meta.HeightMargin;
                        var cd = space.Depth - dx - meta.DepthMargin;
                        if (cw < 0 || ch < 0 || cd < 0)
                        {
                            continue;
                        }

                        var features = new CandidateFeatures(
                            item.Class, item.Mass, item.Fragile, cw, ch, cd, meta.Fill, meta.RowHeight, chains[k],
                            Math.Min(1, volume / space.Volume),
                            item.Class == PackagingClass.Cylinder && o < ItemOrientation.WHL,
                            chains[k].First == Primitive.Slot || chains[k].Second == Primitive.Slot);
                        var p = model.Predict(features);
                        p = double.IsNaN(p) ? 0 : Math.Clamp(p, 0, 1);
                        if (!found || p > best.Probability)
                        {
                            best = new StowCandidate(i, b, meta.Bin, o, features, p, 0);
                            found = true;
                        }
                    }

                    if (found)
                    {
                        _candidates[count++] = best;
                    }
                }
            }
        }

        _count = count;
        return count;
    }

    private void EnsureCapacity(int items, int bins)
    {
        var need = Math.Max(1, items) * Math.Max(1, bins) * PrimitiveChain.Count;
        if (_candidates.Length < need)
        {
            _candidates = new StowCandidate[need];
        }

        if (_bins.Length < bins)
        {
            _bins = new BinMeta[bins];
            _spaces = new PrimitiveSpace[bins * PrimitiveChain.Count];
        }
    }

    private void PrepareBins(PodSpaceEstimate estimate, PodType podType)
    {
        var specs = podType.Bins;
        for (var b = 0; b < estimate.Bins.Count; b++)
        {
            var est = estimate.Bins[b];
            BinSpec? spec = null;
            for (var s = 0; s < specs.Count; s++)
            {
                if (specs[s].Id == est.Bin)
                {
                    spec = specs[s];
                    break;
                }
            }

            if (spec is null || spec.Volume <= 0)
            {
                _bins[b] = default;
                continue;
            }

            var confidence = double.IsFinite(est.Confidence) ? Math.Clamp(est.Confidence, 0, 1) : 0;
            var extra = (1 - confidence) * _fit.UncertaintyMargin;
            var free = double.IsFinite(est.FreeVolume) ? est.FreeVolume : 0;
            _bins[b] = new BinMeta(
                true,
                est.Bin,
                Math.Clamp(1 - (free / spec.Volume), 0, 1),
                spec.FloorHeight,
                _fit.WidthMargin + extra,
                _fit.HeightMargin + extra,
                _fit.DepthMargin + extra + ((1 - confidence) * _fit.DepthUncertaintyMargin));

            var none = ChainSpace.Find(est, Primitive.None);
            for (var k = 0; k < PrimitiveChain.Count; k++)
            {
                var chain = PrimitiveChain.FromIndex(k);
                var space = chain.IsTwoStep
                    ? ChainSpace.Combine(none, ChainSpace.Find(est, chain.First), ChainSpace.Find(est, chain.Second), chain.First)
                    : ChainSpace.Find(est, chain.First);

                // An estimate never vouches for more room than the bin's own interior.
                _spaces[(b * PrimitiveChain.Count) + k] = new PrimitiveSpace(
                    space.Primitive,
                    Math.Min(space.Width, spec.OpeningWidth),
                    Math.Min(space.Height, spec.OpeningHeight),
                    Math.Min(space.Depth, spec.Depth));
            }
        }
    }

    private readonly record struct BinMeta(
        bool Valid,
        Stow.Core.Ids.BinId Bin,
        double Fill,
        double RowHeight,
        double WidthMargin,
        double HeightMargin,
        double DepthMargin);
}
