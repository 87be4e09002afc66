namespace Stow.Core.Pods;

using Stow.Core.Geometry;
using Stow.Core.Ids;

/// <summary>
/// The fixed geometry of one fabric bin. The bin frame has its origin at the front-right-bottom
/// corner of the opening as seen by the robot facing the pod; x points into the bin (depth), y to
/// the robot's left, z up (REP 103). The bin's free interior is
/// [0, <see cref="Depth"/>] × [0, <see cref="OpeningWidth"/>] × [0, <see cref="OpeningHeight"/>].
/// Immutable.
/// </summary>
/// <param name="Id">Row/column id on the face.</param>
/// <param name="OpeningWidth">Opening width along y [m].</param>
/// <param name="OpeningHeight">Opening height along z [m].</param>
/// <param name="Depth">Interior depth along x [m].</param>
/// <param name="BandHeights">Height of each elastic band's centre line above the bin floor [m], ascending.</param>
/// <param name="BandWidth">Width of one band (its vertical extent) [m].</param>
/// <param name="Origin">Origin of the bin frame in the pod face frame [m].</param>
public sealed record BinSpec(
    BinId Id,
    double OpeningWidth,
    double OpeningHeight,
    double Depth,
    IReadOnlyList<double> BandHeights,
    double BandWidth,
    Vec3 Origin)
{
    /// <summary>Interior volume [m³].</summary>
    public double Volume => OpeningWidth * OpeningHeight * Depth;

    /// <summary>The interior as a box in the bin frame.</summary>
    public Box3 Interior => new(Vec3.Zero, new Vec3(Depth, OpeningWidth, OpeningHeight));

    /// <summary>Height of the bin floor above the pod base [m] (the pod face frame's z).</summary>
    public double FloorHeight => Origin.Z;
}
