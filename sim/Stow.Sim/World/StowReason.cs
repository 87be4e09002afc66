namespace Stow.Sim.World;

/// <summary>Why a stow attempt ended as it did. See docs/sim-outcome-model.md.</summary>
public enum StowReason
{
    /// <summary>Stowed; nothing went wrong.</summary>
    None,

    /// <summary>Unproductive: the item does not fit the lane or the opening at all.</summary>
    NoFit,

    /// <summary>Unproductive: the item stopped more than half outside the opening and was taken back.</summary>
    Blocked,

    /// <summary>Unproductive: tight clearance, the item jammed against neighbours or bands.</summary>
    TightFit,

    /// <summary>Unproductive: a bag or soft item slumped in the paddles and did not feed.</summary>
    Slumped,

    /// <summary>Unproductive: a lying cylinder rolled back to the paddles.</summary>
    Rolled,

    /// <summary>Unproductive: a leaning item toppled out of its slot.</summary>
    Toppled,

    /// <summary>Unproductive: a space-making primitive of the chain did not work out.</summary>
    PrimitiveFailed,

    /// <summary>Unproductive or defect with no modelled cause (the base rate).</summary>
    Other,

    /// <summary>Defect: a fragile item broke under squeeze or contact force.</summary>
    Broken,

    /// <summary>Defect: the item fell (a rolling cylinder, a heavy item on a high row).</summary>
    Dropped,

    /// <summary>Defect: the item's front face is outside the band line (x &lt; 0).</summary>
    Protruding,
}
