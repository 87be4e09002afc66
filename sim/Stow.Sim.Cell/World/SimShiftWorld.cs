using Stow.Cell.Shift;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Sim.World;

namespace Stow.Sim.Cell.World;

/// <summary>
/// The simulated world behind a shift: a stream of pods of one type, each arriving with seeded
/// existing inventory (as pods do in a fulfilment centre), on which stows are applied with the
/// world's seeded outcome model. Deterministic for (type, prefill items, seed). Single-threaded.
/// </summary>
public sealed class SimShiftWorld : IShiftWorld
{
    private readonly IReadOnlyList<Item> _prefillItems;
    private readonly SimWorldOptions _options;
    private readonly Random _prefillRng;
    private readonly Random _rng;
    private int _podNo;

    /// <summary>Creates the world with its first pod at the station.</summary>
    /// <param name="type">Pod type of every pod.</param>
    /// <param name="prefillItems">Items that pods arrive holding.</param>
    /// <param name="prefillMax">Largest arrival fill (uniform in [0, max]).</param>
    /// <param name="seed">World seed.</param>
    public SimShiftWorld(PodType type, IReadOnlyList<Item> prefillItems, double prefillMax, int seed)
        : this(type, prefillItems, SimWorldOptions.Default with { Arrival = PodArrivalOptions.UpTo(prefillMax) }, seed)
    {
    }

    /// <summary>Creates the world from its <c>Sim:</c> options, with separate prefill and outcome streams (<see cref="RandomStreams"/>).</summary>
    /// <param name="type">Pod type of every pod.</param>
    /// <param name="prefillItems">Items that pods arrive holding.</param>
    /// <param name="options">Outcome constants and arrival fill.</param>
    /// <param name="seed">Run seed.</param>
    public SimShiftWorld(PodType type, IReadOnlyList<Item> prefillItems, SimWorldOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        PodType = type;
        _prefillItems = prefillItems;
        _options = options;
        _prefillRng = RandomStreams.Create(seed, RandomStream.Prefill);
        _rng = RandomStreams.Create(seed, RandomStream.Outcome);
        Current = NewPod();
    }

    /// <summary>The world's <c>Sim:</c> options (outcome constants, arrival fill, induct error, sensor noise).</summary>
    public SimWorldOptions Options => _options;

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

    /// <summary>Ground-truth space of every bin, stamped with <paramref name="captureTime"/> [s] (ground-truth perception, the scorer).</summary>
    public PodSpaceEstimate GroundTruth(double captureTime) => BinGroundTruth.Estimate(Current, captureTime, 8, 12);

    /// <summary>The world's truth of the last applied stow (for the simulator's scorer, never the cell), or null.</summary>
    public WorldOutcome? LastTruth { get; private set; }

    /// <summary>Raised after each applied stow with the world's truth (the simulated EOAT keeps an item that did not go in).</summary>
    public event EventHandler<WorldOutcome>? Applied;

    /// <inheritdoc />
    public void Apply(StowAction action)
    {
        var request = Request(action);
        var r = Current.Stow(request, _rng);
        var stoppedShort = r.Reason is StowReason.Protruding or StowReason.Blocked;
        LastTruth = r.Outcome == StowOutcome.Stowed
            ? new WorldOutcome(StowOutcome.Stowed, "stowed")
            : new WorldOutcome(r.Outcome, r.Reason.ToString().ToLowerInvariant(), stoppedShort);
        Applied?.Invoke(this, LastTruth);
    }

    /// <summary>
    /// Items as the induct measured them, by id, with their true selves: the world stows the physical item, while the
    /// cell planned with the measurement (<see cref="InductScale"/>).
    /// </summary>
    public IDictionary<ItemId, Item> TrueItems { get; } = new Dictionary<ItemId, Item>();

    /// <summary>
    /// The request the EOAT executes: the planner's bin, chain, orientation and lateral position, unchanged (the world
    /// is never asked which position would do best), on the physical item.
    /// </summary>
    public StowRequest Request(StowAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var item = TrueItems.TryGetValue(action.Item.Id, out var truth) ? truth : action.Item;
        // Planning and the simulator name the six orientations in the same order (x, y, z edge mapping).
        return new StowRequest(action.Bin, item, (ItemOrientation)(int)action.Orientation, action.Lateral, action.Chain);
    }

    private SimPod NewPod()
    {
        _podNo++;
        var pod = new SimPod(new PodId($"POD-{_podNo:D4}"), PodType, _options.Outcome);
        if (_options.Arrival.MaxFill > 0 && _prefillItems.Count > 0)
        {
            PodPrefill.FillArrival(pod, _prefillItems, _options.Arrival, _prefillRng);
        }

        return pod;
    }
}
