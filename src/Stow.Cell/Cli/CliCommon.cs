using System.CommandLine;
using Stow.Core.Catalog;

namespace Stow.Cell.Cli;

/// <summary>Options and look-ups shared by several commands. Stateless.</summary>
internal static class CliCommon
{
    public static Option<string?> DataOption() =>
        new("--data") { Description = $"Data root (else ${CatalogPaths.DataEnvironmentVariable}, else ../shared/data)" };

    public static Option<bool> JsonOption() => new("--json") { Description = "Print the figures as JSON" };
}
