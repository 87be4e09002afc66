using Microsoft.Extensions.Logging;
using Stow.Cell.Hosting;
using Stow.Core.Items;
using Stow.Core.Pods;
using Stow.Core.Time;

namespace Stow.Cell.Backends;

/// <summary>What a backend is built from. Immutable.</summary>
/// <param name="Options">The layered cell configuration.</param>
/// <param name="PodType">The pod type of the shift.</param>
/// <param name="CatalogItems">The catalogue's stowable items (what arriving pods may already hold).</param>
/// <param name="Clock">The shift's clock (simulated time advances as the backend's devices move).</param>
/// <param name="Logs">Logger factory.</param>
/// <param name="RepoRoot">Root for relative paths (models, config).</param>
public sealed record CellBackendContext(CellOptions Options, PodType PodType, IReadOnlyList<Item> CatalogItems, VirtualClock Clock, ILoggerFactory Logs, string RepoRoot);
