namespace Stow.Core.Items;

/// <summary>How an item is packaged; drives allowed orientations and stow risk.</summary>
public enum PackagingClass
{
    /// <summary>Rigid carton.</summary>
    Box,

    /// <summary>Book or flat rigid item (one short edge).</summary>
    Book,

    /// <summary>Bag, pouch, soft goods: deformable, slumps.</summary>
    Deformable,

    /// <summary>Shrink- or film-wrapped item.</summary>
    Wrapped,

    /// <summary>Bottle, can, tube: rolls when laid down.</summary>
    Cylinder,

    /// <summary>Clear blister/clamshell pack: rigid but brittle edges.</summary>
    Clamshell,

    /// <summary>Anything else.</summary>
    Irregular,
}
