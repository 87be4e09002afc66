namespace Stow.Core.Ids;

/// <summary>Identifies one physical pod (its fiducial/barcode id), e.g. <c>POD-0007</c>.</summary>
/// <param name="Value">Non-empty identifier text.</param>
public readonly record struct PodId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
