using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Sim.World;

namespace Stow.Cell.Simulation;

/// <summary>
/// The simulated world behind a shift: a stream of pods of one type, each arriving with seeded
/// existing inventory (as pods do in a fulfilment centre), on which stows are applied with the
/// world's seeded outcome model. Deterministic for (type, prefill items, seed). Single-threaded.
/// </summary>
public sealed class SimShiftWorld : IShiftWorld
{
    /// <summary>Lateral positions tried for an insertion, as fractions of the free lane (the EOAT aligns to the best).</summary>
    public const int LateralSamples = 9;

    private readonly IReadOnlyList<Item> _prefillItems;
    private readonly double _prefillMax;
    private readonly Random _rng;
    private int _podNo;

    /// <summary>Creates the world with its first pod at the station.</summary>
    /// <param name="type">Pod type of every pod.</param>
    /// <param name="prefillItems">Items that pods arrive holding.</param>
    /// <param name="prefillMax">Largest arrival fill (uniform in [0, max]).</param>
    /// <param name="seed">World seed.</param>
    public SimShiftWorld(PodType type, IReadOnlyList<Item> prefillItems, double prefillMax, int seed)
    {
        PodType = type;
        _prefillItems = prefillItems;
        _prefillMax = prefillMax;
        _rng = new Random(seed);
        Current = NewPod();
    }

    /// <summary>The simulated pod at the station.</summary>
    public SimPod Current { get; private set; }

    /// <inheritdoc />
    public PodType PodType { get; }

    /// <inheritdoc />
    public PodId Pod => Current.PodId;

    /// <inheritdoc />
    public double Density
    {
        get
        {
            double used = 0, total = 0;
            foreach (var b in Current.Bins)
            {
                used += b.OccupiedVolume;
                total += b.Spec.Volume;
            }

            return used / total;
        }
    }

    /// <summary>Raised when a new pod arrives.</summary>
    public event EventHandler<SimPod>? PodArrived;

    /// <inheritdoc />
    public void NextPod()
    {
        Current = NewPod();
        PodArrived?.Invoke(this, Current);
    }

    /// <inheritdoc />
    public PodSpaceEstimate GroundTruth(double captureTime) => BinGroundTruth.Estimate(Current, captureTime, 8, 12);

    /// <inheritdoc />
    public WorldOutcome Apply(StowAction action)
    {
        var request = BestRequest(action);
        var r = Current.Stow(request, _rng);
        var stoppedShort = r.Reason is StowReason.Protruding or StowReason.Blocked;
        return r.Outcome == StowOutcome.Stowed
            ? new WorldOutcome(StowOutcome.Stowed, "stowed")
            : new WorldOutcome(r.Outcome, r.Reason.ToString().ToLowerInvariant(), stoppedShort);
    }

    /// <summary>
    /// The request the EOAT would execute: the planner's bin, chain and orientation, at the lateral
    /// position (of <see cref="LateralSamples"/> across the opening) the world previews as most likely to succeed.
    /// </summary>
    public StowRequest BestRequest(StowAction action)
    {
        var orientation = action.Orientation;
        var spec = PodType[action.Bin];
        var width = ItemOrientations.Size(action.Item.Dimensions, orientation).Y;
        var span = Math.Max(0, spec.OpeningWidth - width);
        StowRequest best = default;
        var bestP = double.NegativeInfinity;
        for (var i = 0; i < LateralSamples; i++)
        {
            var req = new StowRequest(action.Bin, action.Item, orientation, span * i / (LateralSamples - 1), action.Chain);
            var p = Current.Preview(req);
            var score = p.Plan.Fits ? p.Probabilities.Success : -1;
            if (score > bestP)
            {
                (best, bestP) = (req, score);
            }
        }

        return best;
    }

    private SimPod NewPod()
    {
        _podNo++;
        var pod = new SimPod(new PodId($"POD-{_podNo:D4}"), PodType);
        if (_prefillMax > 0 && _prefillItems.Count > 0)
        {
            PodPrefill.Fill(pod, _prefillItems, _rng.NextDouble() * _prefillMax, _rng);
        }

        return pod;
    }
}
