namespace Stow.Tools.Tests.Live;

/// <summary>The live-cell tests run one at a time and alone: they pace a control loop on the wall clock.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveCellCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "live cell (wall clock)";
}
