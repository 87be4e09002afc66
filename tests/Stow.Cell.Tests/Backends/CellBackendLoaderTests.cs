using Stow.Cell.Backends;
using Stow.Cell.Hosting;

namespace Stow.Cell.Tests.Backends;

/// <summary>The simulator backend is a plugin loaded by name from plugins/ next to stowcell.dll.</summary>
public class CellBackendLoaderTests
{
    [Fact(Timeout = 30_000)]
    public async Task The_Simulator_Backend_Loads_By_Name_Into_Its_Own_Load_Context()
    {
        await Task.Yield();
        var factory = CellBackendLoader.Load("Stow.Sim.Cell");

        var type = factory.GetType();
        Assert.Equal("Stow.Sim.Cell", type.Assembly.GetName().Name);
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(type.Assembly);
        Assert.NotSame(System.Runtime.Loader.AssemblyLoadContext.Default, context);
        Assert.StartsWith(CellBackendLoader.PluginRoot, type.Assembly.Location, StringComparison.Ordinal);
        // The contract is shared with the host: the factory is the host's ICellBackendFactory.
        Assert.IsAssignableFrom<ICellBackendFactory>(factory);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("No.Such.Backend", "no plugin at")]
    [InlineData("../Stow.Sim.Cell", "must be an assembly name")]
    public async Task An_Unknown_Or_Path_Like_Backend_Is_Refused_With_Its_Name(string name, string expected)
    {
        await Task.Yield();
        var e = Assert.Throws<ShiftSetupException>(() => CellBackendLoader.Load(name));

        Assert.Contains(name, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_Plugin_Without_A_Factory_Is_Refused()
    {
        await Task.Yield();
        // Stow.Core is a loadable assembly with no ICellBackendFactory: copy it into a plugin folder of its own name.
        using var dir = new Support.TempDir();
        var folder = Directory.CreateDirectory(Path.Combine(dir.Path, "Stow.Core"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Stow.Core.dll"), Path.Combine(folder.FullName, "Stow.Core.dll"));

        var e = Assert.Throws<ShiftSetupException>(() => CellBackendLoader.Load("Stow.Core", dir.Path));

        Assert.Contains("exactly one ICellBackendFactory (found 0)", e.Message, StringComparison.Ordinal);
    }
}
