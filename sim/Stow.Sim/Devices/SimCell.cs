using Stow.Core.Ids;
using Stow.Core.Pods;
using Stow.Sim.Devices.Contact;

namespace Stow.Sim.Devices;

/// <summary>
/// State shared by the simulated devices of one cell: seed, contact geometry, the EOAT's tool state seen by
/// the arm's contact model, the safety inputs (e-stop, guard door), the engaged bin seen by the cameras.
/// Devices are read in configuration order, so a value written by one device is seen by the others in the
/// same or the next cycle, deterministically.
/// Threading: device fields are touched on the control-loop thread; the safety inputs are volatile so a
/// test or operator panel may set them from another thread.
/// </summary>
public sealed class SimCell
{
    private volatile bool _eStopPressed;
    private volatile bool _guardDoorOpen;
    private volatile bool _protectiveStop;

    /// <summary>Creates the shared state.</summary>
    /// <param name="seed">Seed of every random stream in the simulated devices.</param>
    /// <param name="geometry">What the tool can touch (null: nothing).</param>
    public SimCell(int seed, IContactGeometry? geometry = null)
    {
        Seed = seed;
        Geometry = geometry ?? new StaticContactGeometry();
    }

    /// <summary>Seed of the cell.</summary>
    public int Seed { get; }

    /// <summary>Contact geometry; the world's glue may replace it before activation.</summary>
    public IContactGeometry Geometry { get; set; }

    /// <summary>Bins drawn by the simulated cameras (pod face frame); empty draws none.</summary>
    public IReadOnlyList<BinSpec> Bins { get; set; } = [];

    /// <summary>EOAT geometry shared by the arm's contact model and the EOAT.</summary>
    public EoatGeometry Tool { get; set; } = EoatGeometry.Default;

    /// <summary>Current spatula extension [m], published by the EOAT.</summary>
    public double SpatulaExtension { get; set; }

    /// <summary>Current paddle gap [m], published by the EOAT.</summary>
    public double PaddleGap { get; set; } = 0.1;

    /// <summary>The item between the paddles, or null.</summary>
    public SimHeldItem? HeldItem { get; set; }

    /// <summary>Number of items fed out of the paddles since start.</summary>
    public int ItemsReleased { get; set; }

    /// <summary>Bin whose bands are held aside, or null.</summary>
    public BinId? EngagedBin { get; set; }

    /// <summary>An e-stop button is pressed (e-stop chain open).</summary>
    public bool EStopPressed { get => _eStopPressed; set => _eStopPressed = value; }

    /// <summary>The guard door is open.</summary>
    public bool GuardDoorOpen { get => _guardDoorOpen; set => _guardDoorOpen = value; }

    /// <summary>A protective stop was requested through the safety controller.</summary>
    public bool ProtectiveStop { get => _protectiveStop; set => _protectiveStop = value; }

    /// <summary>A random stream for one device, deterministic for (seed, name) (FNV-1a of the name;
    /// not <c>string.GetHashCode</c>, which is randomised per process).</summary>
    /// <param name="name">Device name.</param>
    /// <returns>A new seeded generator.</returns>
    public Random CreateRandom(string name)
    {
        var h = 2166136261u;
        foreach (var ch in name)
        {
            h = (h ^ ch) * 16777619u;
        }

        return new Random(unchecked((int)h ^ (Seed * 486187739)));
    }
}
