namespace Stow.Core.Catalog;

/// <summary>
/// Limits of the end-of-arm tool (two belt paddles plus spatula) that decide whether an item can be handled at all.
/// </summary>
/// <remarks>
/// No datasheet of the stow EOAT is public, so <see cref="MaxPayload"/> is an assumption: a 7 kg-payload
/// six-axis arm (the class of the UR5e or FANUC LR Mate 200iD/7L, 5–7 kg rated payload) carrying a paddle EOAT of
/// about 2.5 kg (two belt conveyors, their motors, the spatula slide) leaves about 4.5 kg for the item at full reach.
/// For scale, the heaviest of the 40 ARC 2017 items weighs 0.95 kg. Change the constant here and every catalogue
/// follows.
/// </remarks>
public static class EoatLimits
{
    /// <summary>Largest item mass the EOAT may carry [kg] (assumption, see remarks).</summary>
    public const double MaxPayload = 4.5;

    /// <summary>
    /// Free space needed around an item when it passes a bin opening [m], on each of the three axes in total
    /// (both sides together): the paddle belts feed the item without entering the bin, so a few millimetres of
    /// fabric give per side are all the cell can rely on. Assumption: 5 mm per side.
    /// </summary>
    public const double FitClearance = 0.010;
}
