using Stow.Core.Ids;
using Stow.Core.Items;

namespace Stow.Hardware.Induct;

/// <summary>An item in the induct buffer as scanned and measured.</summary>
/// <param name="Id">Scanned id.</param>
/// <param name="Measured">Measured dimensions [m].</param>
/// <param name="MeasuredMass">Measured mass [kg].</param>
/// <param name="ScanTime">Scan time [s] on the loop's clock.</param>
public readonly record struct ScannedItem(ItemId Id, ItemDimensions Measured, double MeasuredMass, double ScanTime);
