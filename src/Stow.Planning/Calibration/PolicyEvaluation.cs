namespace Stow.Planning.Calibration;

using Stow.Core.Outcomes;
using Stow.Planning.Risk;

/// <summary>
/// Tallies one policy's run on the simulated (or real) world for <c>stowcell plan eval</c>: outcome rates, pod
/// density at each swap, exceptions, exploration, chain usage and calibration of the predicted P against realised
/// outcomes. Feed it every attempt (<c>decision.ToAttemptRecord(outcome)</c>), every
/// pod swap and every exception routing, then call <see cref="Summarize"/>. Not thread-safe; one per policy and run.
/// </summary>
public sealed class PolicyEvaluation
{
    private readonly List<double> _predicted = [];
    private readonly List<bool> _succeeded = [];
    private readonly List<double> _densities = [];
    private readonly SortedDictionary<string, int> _chains = new(StringComparer.Ordinal);
    private int _attempts;
    private int _stowed;
    private int _unproductive;
    private int _defects;
    private int _explorations;
    private int _exceptions;

    /// <summary>Starts an empty tally for the policy named <paramref name="policy"/>.</summary>
    public PolicyEvaluation(string policy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policy);
        Policy = policy;
    }

    /// <summary>Name of the policy under evaluation.</summary>
    public string Policy { get; }

    /// <summary>Marker documenting how attempts are recorded: <c>StowDecision.ToAttemptRecord(outcome)</c>.</summary>
    public const string StowDecisionRecording = "StowDecision.ToAttemptRecord";

    /// <summary>Records one attempt (its outcome, chain, exploration flag and, when not NaN, its predicted P).</summary>
    public void RecordAttempt(AttemptRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _attempts++;
        switch (record.Outcome)
        {
            case StowOutcome.Stowed: _stowed++; break;
            case StowOutcome.Defect: _defects++; break;
            default: _unproductive++; break;
        }

        if (record.Exploration)
        {
            _explorations++;
        }

        var chain = record.Features.Chain.ToString();
        _chains[chain] = _chains.GetValueOrDefault(chain) + 1;
        if (!double.IsNaN(record.PredictedProbability))
        {
            _predicted.Add(record.PredictedProbability);
            _succeeded.Add(record.Succeeded);
        }
    }

    /// <summary>Records a pod swap with the pod's volumetric density at that moment (stowed item volume / bin volume, in [0, 1]).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="volumetricDensity"/> is not in [0, 1].</exception>
    public void RecordPodSwap(double volumetricDensity)
    {
        if (!(volumetricDensity >= 0 && volumetricDensity <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(volumetricDensity), volumetricDensity, "density must be in [0, 1]");
        }

        _densities.Add(volumetricDensity);
    }

    /// <summary>Records one item routed to the exception path.</summary>
    public void RecordException() => _exceptions++;

    /// <summary>The figures so far; rates are null before the first attempt, density before the first swap.</summary>
    public PolicyEvaluationSummary Summarize(int binCount = 10, ReliabilityBinning binning = ReliabilityBinning.EqualWidth)
    {
        var calibration = CalibrationMetrics.Compute(_predicted.ToArray(), _succeeded.ToArray(), binCount, binning);
        double? Rate(int k) => _attempts == 0 ? null : (double)k / _attempts;
        double? densityMean = null;
        if (_densities.Count > 0)
        {
            double sum = 0;
            foreach (var d in _densities)
            {
                sum += d;
            }

            densityMean = sum / _densities.Count;
        }

        return new PolicyEvaluationSummary(
            Policy,
            _attempts,
            Rate(_stowed),
            Rate(_unproductive),
            Rate(_defects),
            densityMean,
            _densities.Count,
            _exceptions,
            _explorations,
            calibration.Count == 0 ? null : calibration.Brier,
            calibration.Count == 0 ? null : calibration.Ece,
            new Dictionary<string, int>(_chains, StringComparer.Ordinal),
            calibration.Count == 0 ? null : calibration);
    }
}
