namespace Stow.Core.Catalog;

using Stow.Core.Items;
using Stow.Core.Pods;

/// <summary>
/// Decides whether the cell can stow an item at all: not heavier than the EOAT payload, and some orientation of its
/// bounding box passes through some bin opening of the given pod types. Immutable; thread-safe.
/// </summary>
/// <remarks>
/// An item may be presented in any of the six axis-aligned orientations of its bounding box, whatever its class: the
/// paddles can turn it about the tool axis and the spatula can flip it (ARCHITECTURE.md, primitives), and a lying
/// cylinder is still a valid stow. An orientation fits a bin when edge + <see cref="Clearance"/> ≤ opening width,
/// opening height and depth on the three axes. Bands are hooked aside during a stow, so the full opening counts.
/// </remarks>
public sealed class StowabilityRules
{
    private readonly (double Width, double Height, double Depth)[] _openings;

    /// <summary>Creates the rules.</summary>
    /// <param name="maxPayload">Heaviest item the EOAT may carry [kg].</param>
    /// <param name="clearance">Total clearance per axis [m], ≥ 0.</param>
    /// <param name="bins">The bins an item may go to (all bins of all pod types in service); at least one.</param>
    /// <exception cref="ArgumentOutOfRangeException">Payload not positive, clearance negative, or no bins.</exception>
    public StowabilityRules(double maxPayload, double clearance, IEnumerable<BinSpec> bins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPayload);
        ArgumentOutOfRangeException.ThrowIfNegative(clearance);
        MaxPayload = maxPayload;
        Clearance = clearance;
        _openings = bins.Select(b => (b.OpeningWidth, b.OpeningHeight, b.Depth)).Distinct().ToArray();
        if (_openings.Length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), "at least one bin is needed");
        }
    }

    /// <summary>Heaviest item the EOAT may carry [kg].</summary>
    public double MaxPayload { get; }

    /// <summary>Total clearance per axis [m].</summary>
    public double Clearance { get; }

    /// <summary>Distinct bin interiors (opening width, opening height, depth) [m] checked by <see cref="Check"/>.</summary>
    public IReadOnlyList<(double Width, double Height, double Depth)> Openings => _openings;

    /// <summary>
    /// Rules for every bin of the given pod types with <see cref="EoatLimits.MaxPayload"/> and
    /// <see cref="EoatLimits.FitClearance"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No bins.</exception>
    public static StowabilityRules ForPodTypes(IEnumerable<PodType> podTypes) =>
        new(EoatLimits.MaxPayload, EoatLimits.FitClearance, podTypes.SelectMany(p => p.Bins));

    /// <summary>
    /// Rules for every pod type in a folder of pod type files (<c>config/pods</c>), see
    /// <see cref="PodTypeLoader.LoadFolder"/>.
    /// </summary>
    /// <exception cref="PodConfigException">Folder missing or a file invalid.</exception>
    public static StowabilityRules ForPodFolder(string folder) => ForPodTypes(PodTypeLoader.LoadFolder(folder).Values);

    /// <summary>Why the item cannot be stowed, or null when it can.</summary>
    /// <param name="dimensions">Bounding box [m].</param>
    /// <param name="mass">Mass [kg].</param>
    /// <param name="detail">When not stowable, the limit it broke in words; else empty.</param>
    public SkipReason? Check(ItemDimensions dimensions, double mass, out string detail)
    {
        if (mass > MaxPayload)
        {
            detail = $"mass {mass:0.###} kg > EOAT payload {MaxPayload} kg";
            return SkipReason.TooHeavy;
        }

        if (!FitsSomeBin(dimensions))
        {
            detail = $"{dimensions.Length:0.###} x {dimensions.Width:0.###} x {dimensions.Height:0.###} m fits no bin opening with {Clearance} m clearance";
            return SkipReason.NoBinFits;
        }

        detail = string.Empty;
        return null;
    }

    /// <summary>True when some orientation of the box fits some bin (see remarks).</summary>
    public bool FitsSomeBin(ItemDimensions d)
    {
        ReadOnlySpan<double> e = [d.Length, d.Width, d.Height];
        foreach (var (w, h, depth) in _openings)
        {
            for (var i = 0; i < 3; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    if (j == i)
                    {
                        continue;
                    }

                    var k = 3 - i - j;
                    if (e[i] + Clearance <= w && e[j] + Clearance <= h && e[k] + Clearance <= depth)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
