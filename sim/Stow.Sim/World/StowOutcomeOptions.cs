namespace Stow.Sim.World;

/// <summary>
/// Every constant of the simulator's stow outcome model (<see cref="StowOutcomeModel"/>), with its source.
/// All probabilities are per attempt, in [0, 1]; lengths in metres, masses in kilograms. Immutable record;
/// docs/sim-outcome-model.md explains the model and the calibration.
/// </summary>
/// <remarks>
/// Public anchor: the Amazon stow system paper reports 86% stowed, 9.3% unproductive and 4.8% defects over its
/// production trials, with the failures attributed mostly to tight fits, item deformation and items falling or
/// protruding past the bands. No public source gives per-cause rates: every default below is our assumption,
/// chosen so that the causes the paper names have plausible relative sizes, that an attempt with ample clearance
/// on a rigid box succeeds about 98% of the time, and that a planner that avoids tight fits reaches ≥ 90%
/// success with ≤ 2% defects while one that takes tight fits lands near the paper's mix.
/// </remarks>
public sealed record StowOutcomeOptions
{
    /// <summary>Unproductive rate with no modelled cause [1] (assumption: 1%, feeder misses, scan faults).</summary>
    public double BaseUnproductive { get; init; } = 0.01;

    /// <summary>Defect rate with no modelled cause [1] (assumption: 0.2%).</summary>
    public double BaseDefect { get; init; } = 0.002;

    /// <summary>Unproductive rate at zero clearance [1]; decays as exp(−clearance / <see cref="ClearanceScale"/>) (assumption: 45%).</summary>
    public double TightFitUnproductive { get; init; } = 0.45;

    /// <summary>Clearance [m] over which the tight-fit risks fall by a factor e (assumption: 8 mm, a few paddle-belt tolerances).</summary>
    public double ClearanceScale { get; init; } = 0.008;

    /// <summary>Unproductive rate of deformable items (bags slump in the paddles) [1] (assumption: 5%).</summary>
    public double SlumpUnproductive { get; init; } = 0.05;

    /// <summary>Extra slump rate when a deformable item is stacked on uneven contents [1] (assumption: 3%).</summary>
    public double SlumpStackUnproductive { get; init; } = 0.03;

    /// <summary>Unproductive rate of a cylinder lying with its axis horizontal (rolls back) [1] (assumption: 4%).</summary>
    public double RollUnproductive { get; init; } = 0.04;

    /// <summary>Defect rate of a cylinder lying with its axis horizontal (rolls out past the bands) [1] (assumption: 3%).</summary>
    public double RollDefect { get; init; } = 0.03;

    /// <summary>Defect rate of a fragile item with ample clearance and no contact primitive [1] (assumption: 1%).</summary>
    public double FragileDefect { get; init; } = 0.01;

    /// <summary>Defect rate of a fragile item at zero clearance (squeeze), decaying with clearance [1] (assumption: 15%).</summary>
    public double FragileTightDefect { get; init; } = 0.15;

    /// <summary>Defect rate added per sweep or slot that pushes on a fragile item's neighbours [1] (assumption: 1.5%).</summary>
    public double FragileContactDefect { get; init; } = 0.015;

    /// <summary>Mass [kg] above which items risk being dropped on high rows (assumption: 1 kg).</summary>
    public double HeavyMass { get; init; } = 1.0;

    /// <summary>Mass span [kg] over which the drop risk ramps from 0 to full (assumption: 2 kg, up to 3 kg).</summary>
    public double HeavyMassSpan { get; init; } = 2.0;

    /// <summary>Bin floor height [m] at which a full-ramp heavy item has <see cref="HeavyDropDefect"/> (assumption: 2 m, the top rows).</summary>
    public double HeavyReferenceHeight { get; init; } = 2.0;

    /// <summary>Drop defect rate of a heavy item at the reference height; scales linearly with floor height [1] (assumption: 6%).</summary>
    public double HeavyDropDefect { get; init; } = 0.06;

    /// <summary>Protrusion defect rate of an item whose front face is at the band line, decaying with the front margin [1] (assumption: 8%).</summary>
    public double BandDefect { get; init; } = 0.08;

    /// <summary>Front margin [m] over which the band risk falls by a factor e (assumption: 1 cm).</summary>
    public double BandScale { get; init; } = 0.01;

    /// <summary>Unproductive rate added per sweep in the chain [1] (assumption: 1%).</summary>
    public double SweepUnproductive { get; init; } = 0.01;

    /// <summary>Unproductive rate added per flip in the chain [1] (assumption: 3%, the flipped item may fall back).</summary>
    public double FlipUnproductive { get; init; } = 0.03;

    /// <summary>Unproductive rate added by stacking [1] (assumption: 2%, the item slides off uneven tops).</summary>
    public double StackUnproductive { get; init; } = 0.02;

    /// <summary>Unproductive rate added by slotting [1] (assumption: 4%, the gap closes before the item enters).</summary>
    public double SlotUnproductive { get; init; } = 0.04;

    /// <summary>Defect rate added per primitive in the chain [1] (assumption: 0.2%, contents disturbed or pushed out).</summary>
    public double PrimitiveDefect { get; init; } = 0.002;

    /// <summary>Unproductive rate of an item that ends leaning (it topples out of its gap) [1] (assumption: 4%).</summary>
    public double LeanUnproductive { get; init; } = 0.04;

    /// <summary>Protrusion [m] as a fraction of the item's depth beyond which the item is taken back (unproductive) instead of left protruding (assumption: half).</summary>
    public double BlockedFraction { get; init; } = 0.5;

    /// <summary>The defaults above.</summary>
    public static StowOutcomeOptions Default { get; } = new();

    /// <summary>True for the constants that are scales (lengths [m], masses [kg]; must be &gt; 0) rather than probabilities in [0, 1].</summary>
    /// <param name="name">A property name of this record.</param>
    public static bool IsScale(string name) =>
        name is nameof(ClearanceScale) or nameof(HeavyMass) or nameof(HeavyMassSpan) or nameof(HeavyReferenceHeight) or nameof(BandScale);
}
