namespace Stow.Cell.Backends.Hal;

/// <summary>
/// The backend built into the cell (<c>Cell:Backend</c> = <see cref="Name"/>): every device through the HAL from the
/// configuration's <c>hardware</c> section (<see cref="HalCellBackend"/>); no plugin is loaded and no simulator assembly
/// enters the process. Stateless.
/// </summary>
public sealed class HalCellBackendFactory : ICellBackendFactory
{
    /// <summary>The <c>Cell:Backend</c> value that selects this backend.</summary>
    public const string Name = "hal";

    /// <inheritdoc />
    public ICellBackend Create(CellBackendContext context) => HalCellBackend.Create(context);
}
