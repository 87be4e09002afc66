using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Stow.Cell.Tests.Support;

namespace Stow.Cell.Tests.Architecture;

/// <summary>
/// ARCHITECTURE.md: nothing under src/ references sim/ or tools/; the simulator is a backend loaded by name. Read from the
/// built assemblies' metadata (what the runtime would load) and from the project files (what the build would copy).
/// </summary>
public class LayeringTests
{
    private static readonly string[] SrcAssemblies = ["Stow.Core", "Stow.Hardware", "Stow.Motion", "Stow.Perception", "Stow.Planning", "stowcell"];

    private static readonly string[] Forbidden = ["Stow.Sim", "Stow.Sim.Cell", "stowtools", "Stow.Tools"];

    [Fact(Timeout = 30_000)]
    public async Task No_Assembly_Under_Src_References_A_Simulator_Or_Tools_Assembly()
    {
        await Task.Yield();
        foreach (var name in SrcAssemblies)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            Assert.True(File.Exists(path), $"{path} was not built next to the tests");
            using var pe = new PEReader(File.OpenRead(path));
            var md = pe.GetMetadataReader();
            var refs = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
            Assert.NotEmpty(refs); // every assembly references the runtime: a reader that saw nothing would prove nothing
            foreach (var r in refs)
            {
                Assert.DoesNotContain(r, Forbidden);
            }
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task No_Project_Under_Src_References_Sim_Or_Tools_And_Perception_And_Planning_Reference_Only_Core()
    {
        await Task.Yield();
        var src = Path.Combine(TestPaths.RepoRoot, "src");
        var projects = Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories);
        Assert.Equal(6, projects.Length);
        foreach (var p in projects)
        {
            var refs = References(p);
            Assert.DoesNotContain(refs, r => r.Contains("sim/", StringComparison.Ordinal) || r.Contains("tools/", StringComparison.Ordinal));
            var name = Path.GetFileNameWithoutExtension(p);
            if (name is "Stow.Perception" or "Stow.Planning")
            {
                Assert.Equal(["../../src/Stow.Core/Stow.Core.csproj"], refs);
            }
        }
    }

    private static List<string> References(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference").Select(e => ((string?)e.Attribute("Include") ?? string.Empty).Replace('\\', '/')).ToList();
}
