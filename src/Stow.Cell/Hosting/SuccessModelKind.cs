namespace Stow.Cell.Hosting;

/// <summary>The planner's success model (<c>Cell:Planning:Model</c>; config text <c>prior</c>, <c>learned</c>).</summary>
public enum SuccessModelKind
{
    /// <summary>The hand-set prior model.</summary>
    Prior,

    /// <summary>The model fitted by <c>risk fit</c> (<c>models/risk.json</c>).</summary>
    Learned,
}
