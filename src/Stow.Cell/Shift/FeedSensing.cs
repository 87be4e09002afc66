namespace Stow.Cell.Shift;

/// <summary>
/// What the EOAT and the arm's wrench sensor felt while the item was fed into the bin (the insertion step): belt motor
/// current and the force on the tool. Immutable.
/// </summary>
/// <param name="BaselineBeltCurrent">Belt motor current at the start of the feed [A] (the larger of the two belts): the
/// current of feeding this item freely.</param>
/// <param name="PeakBeltCurrent">Largest belt motor current during the feed [A] (the larger of the two belts).</param>
/// <param name="PeakContactForce">Largest magnitude of the tool's contact force during the feed [N].</param>
/// <param name="JamCurrent">The belt current at which the insertion declares a jam [A] (<c>PrimitiveLimits.JamCurrent</c>).</param>
/// <param name="ContactForceLimit">The contact force the insertion is limited to [N] (<c>PrimitiveLimits.ContactForceLimit</c>).</param>
public sealed record FeedSensing(double BaselineBeltCurrent, double PeakBeltCurrent, double PeakContactForce, double JamCurrent, double ContactForceLimit)
{
    /// <summary>
    /// Rise of the belt current over its value at the start of the feed above which the item met resistance it was
    /// pushed against [A]: 0.8 A, a third of the default 2.5 A jam current (a chosen threshold, not a datasheet figure:
    /// the simulated belts draw 0.3 A + 1 A per m/s + 0.4 A per kg when feeding freely, so a free feed stays well below it).
    /// </summary>
    public const double StallCurrentRise = 0.8;

    /// <summary>Belt current rise over the start of the feed [A].</summary>
    public double CurrentRise => PeakBeltCurrent - BaselineBeltCurrent;

    /// <summary>
    /// True when the feed stalled against something: the belt current reached the jam current or rose by at least
    /// <see cref="StallCurrentRise"/> over the free feed, or the tool was pressed at its contact force limit.
    /// </summary>
    public bool Stalled => PeakBeltCurrent >= JamCurrent || CurrentRise >= StallCurrentRise || PeakContactForce >= ContactForceLimit;
}
