namespace Stow.Planning.Decision;

using System.Globalization;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Planning.Candidates;
using Stow.Planning.Risk;

/// <summary>
/// Baseline policy: the rule of the Amazon Picking Challenge 2016 stow teams, put the item into the bin with the
/// largest free volume. Takes the buffered items in arrival order; the first one that fits some bin (same geometric
/// fit as the planner) goes into the fitting bin with the largest <see cref="BinSpaceEstimate.FreeVolume"/>, with the
/// simplest chain that fits there (first in <see cref="PrimitiveChain.All"/> order: plain insertion first).
/// Asks for a pod swap only when no buffered item fits any bin; ignores predicted success when choosing (the success
/// model only fills in <see cref="StowCandidate.Probability"/> for calibration reports). Exceptions as
/// <see cref="StowPlanner"/>. Deterministic (no randomness); not thread-safe (see <see cref="IStowPolicy"/>).
/// </summary>
public sealed class LargestFreeVolumePolicy : IStowPolicy
{
    private readonly ISuccessModel _model;
    private readonly PlannerOptions _options;
    private readonly CandidateGenerator _generator;
    private readonly ExceptionRouter _router;

    /// <summary>Builds the baseline.</summary>
    /// <param name="model">Model used only to report P of the chosen candidate.</param>
    /// <param name="podTypes">Every pod type the cell can be given (for exception routing).</param>
    /// <param name="options">Settings (fit margins, value constants for the reported score); defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="podTypes"/> is empty.</exception>
    public LargestFreeVolumePolicy(ISuccessModel model, IReadOnlyList<PodType> podTypes, PlannerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _options = options ?? new PlannerOptions();
        _options.Validate();
        _model = model;
        _generator = new CandidateGenerator(_options.Fit);
        _router = new ExceptionRouter(podTypes, _options.Fit);
    }

    /// <inheritdoc />
    public string Name => "largest-free-volume";

    /// <inheritdoc />
    public StowDecision Decide(IReadOnlyList<Item> buffer, PodSpaceEstimate estimate, PodType podType)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(podType);
        if (_router.Precheck(buffer) is { } early)
        {
            return early;
        }

        var n = _generator.Generate(buffer, estimate, podType, _model);
        var candidates = _generator.Candidates;
        var bestP = 0.0;
        for (var j = 0; j < n; j++)
        {
            bestP = Math.Max(bestP, candidates[j].Probability);
        }

        // Candidates are ordered by item, then bin, then chain: the first item with any candidate wins; within it the
        // strictly larger free volume wins, so the lowest chain index is kept for each bin.
        var chosen = -1;
        var largest = double.NegativeInfinity;
        for (var j = 0; j < n; j++)
        {
            if (chosen >= 0 && candidates[j].ItemIndex != candidates[chosen].ItemIndex)
            {
                break;
            }

            var free = estimate.Bins[candidates[j].BinIndex].FreeVolume;
            if (free > largest)
            {
                largest = free;
                chosen = j;
            }
        }

        if (chosen < 0)
        {
            return new StowDecision(DecisionKind.PodSwap, null, null, false, bestP, [], n, "no buffered item fits any bin now: pod swap");
        }

        var c = candidates[chosen] with { Score = CandidateValue.Score(candidates[chosen], _options) };
        var why = string.Create(
            CultureInfo.InvariantCulture,
            $"largest free volume: {buffer[c.ItemIndex].Id} → {c.Bin} ({largest:F4} m³ free) via {c.Chain}, P {c.Probability:F3}");
        return new StowDecision(DecisionKind.Stow, buffer[c.ItemIndex], c, false, bestP, [], n, why);
    }
}
