using System.Reflection;
using System.Runtime.Loader;

namespace Stow.Cell.Backends;

/// <summary>
/// The load context of one backend plugin. Assemblies the host process can load itself (its trusted platform
/// assemblies: the runtime, Stow.Cell and what it references) come from the default context, so the plugin and the host
/// share the contract types; everything else (the simulator, its packages, native libraries) is resolved from the
/// plugin's folder through its <c>.deps.json</c> (<see cref="AssemblyDependencyResolver"/>). Not collectible.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> HostAssemblies = TrustedPlatformAssemblies();
    private readonly AssemblyDependencyResolver _resolver;

    /// <summary>Creates the context for the plugin at <paramref name="pluginPath"/>.</summary>
    public PluginLoadContext(string pluginPath)
        : base(Path.GetFileNameWithoutExtension(pluginPath))
    {
        _resolver = new AssemblyDependencyResolver(pluginPath);
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is { } n && HostAssemblies.Contains(n))
        {
            return null; // the default context's copy: shared types
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private static HashSet<string> TrustedPlatformAssemblies()
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string tpa)
        {
            foreach (var p in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                set.Add(Path.GetFileNameWithoutExtension(p));
            }
        }

        return set;
    }
}
