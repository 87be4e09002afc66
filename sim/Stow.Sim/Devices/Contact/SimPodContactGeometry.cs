using Stow.Core.Geometry;
using Stow.Sim.World;

namespace Stow.Sim.Devices.Contact;

/// <summary>
/// Contact geometry read from the simulated world's <see cref="SimPod"/> (bin walls, floors, backs and item
/// boxes in the pod face frame, through <see cref="SimPod.CopySolidsNear"/>). Read-only: every solid is
/// immovable for the arm's contact model and has one stiffness, because the world decides primitive outcomes
/// with its own stochastic model; <see cref="Push"/> moves nothing. Use <see cref="StaticContactGeometry"/>
/// where the spatula must physically push boxes.
/// Threading: control-loop thread only; no allocation per query (preallocated buffer of 256 solids).
/// </summary>
public sealed class SimPodContactGeometry : IContactGeometry
{
    private readonly SimPod _pod;
    private readonly Box3[] _boxes = new Box3[256];

    /// <summary>Wraps a world pod.</summary>
    /// <param name="pod">The simulated pod at the station.</param>
    /// <param name="stiffness">Contact stiffness of every solid [N/m] (default: fabric wall, <see cref="StaticContactGeometry.DefaultWallStiffness"/>).</param>
    public SimPodContactGeometry(SimPod pod, double stiffness = StaticContactGeometry.DefaultWallStiffness)
    {
        _pod = pod;
        Stiffness = stiffness;
    }

    /// <summary>Contact stiffness of every solid [N/m].</summary>
    public double Stiffness { get; }

    /// <inheritdoc/>
    public int Query(in Box3 region, Span<ContactSolid> destination)
    {
        var n = Math.Min(_pod.CopySolidsNear(region, _boxes), Math.Min(_boxes.Length, destination.Length));
        for (var i = 0; i < n; i++)
        {
            destination[i] = new ContactSolid { Id = -1, Box = _boxes[i], Movable = false, Mass = 0, Stiffness = Stiffness };
        }

        return n;
    }

    /// <inheritdoc/>
    public double Push(int id, int axis, double amount) => 0;
}
