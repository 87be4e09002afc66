using System.Reflection;
using Stow.Cell.Hosting;

namespace Stow.Cell.Backends;

/// <summary>
/// Loads a backend plugin by assembly name, as ros2_control loads a hardware plugin: the assembly
/// <c>plugins/&lt;name&gt;/&lt;name&gt;.dll</c> next to <c>stowcell.dll</c> goes into its own
/// <see cref="PluginLoadContext"/> (its dependencies resolved from its <c>.deps.json</c>; assemblies the host already has,
/// such as <c>Stow.Cell</c> and <c>Stow.Core</c>, shared with the host so the contracts are the same types), and its one
/// public <see cref="ICellBackendFactory"/> is created. Stow.Cell itself references no backend. Thread-safe (stateless).
/// </summary>
public static class CellBackendLoader
{
    /// <summary>Folder of the plugins, next to the host assembly.</summary>
    public static string PluginRoot { get; } = Path.Combine(Path.GetDirectoryName(typeof(CellBackendLoader).Assembly.Location) ?? AppContext.BaseDirectory, "plugins");

    /// <summary>Loads the named plugin and creates its factory (<c>hal</c>: the backend built into the cell, no plugin).</summary>
    /// <param name="name">Assembly name of the plugin (e.g. <c>Stow.Sim.Cell</c>).</param>
    /// <param name="pluginRoot">Folder holding <c>&lt;name&gt;/&lt;name&gt;.dll</c> (null: <see cref="PluginRoot"/>).</param>
    /// <returns>The factory.</returns>
    /// <exception cref="ShiftSetupException">No such plugin, or it has no single public factory (the message names the path).</exception>
    public static ICellBackendFactory Load(string name, string? pluginRoot = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name == Hal.HalCellBackendFactory.Name)
        {
            return new Hal.HalCellBackendFactory(); // built in: no plugin, no simulator assembly
        }

        if (name.IndexOfAny(['/', '\\']) >= 0 || name.StartsWith('.'))
        {
            throw new ShiftSetupException($"Cell:Backend '{name}' must be an assembly name, not a path");
        }

        var path = Path.Combine(pluginRoot ?? PluginRoot, name, name + ".dll");
        if (!File.Exists(path))
        {
            throw new ShiftSetupException($"Cell:Backend '{name}': no plugin at {path} (build it: dotnet build sim/{name}, or ./run.sh)");
        }

        Assembly assembly;
        try
        {
            assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException)
        {
            throw new ShiftSetupException($"Cell:Backend '{name}': {path} is not a loadable assembly ({e.Message})", e);
        }

        var factories = assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICellBackendFactory).IsAssignableFrom(t))
            .ToList();
        if (factories.Count != 1)
        {
            throw new ShiftSetupException(
                $"Cell:Backend '{name}': {path} must export exactly one {nameof(ICellBackendFactory)} (found {factories.Count})");
        }

        return (ICellBackendFactory)(Activator.CreateInstance(factories[0])
            ?? throw new ShiftSetupException($"Cell:Backend '{name}': {factories[0].FullName} could not be created"));
    }
}
