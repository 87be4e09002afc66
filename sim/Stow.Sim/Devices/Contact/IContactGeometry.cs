using Stow.Core.Geometry;

namespace Stow.Sim.Devices.Contact;

/// <summary>
/// What the simulated tool can touch: solid boxes (bin walls, items) in the pod face frame
/// (x into the pod, y left, z up; metres). The simulated world implements this to couple its bins to the
/// simulated arm; <see cref="StaticContactGeometry"/> is a standalone implementation for tests.
/// <para>Threading: called from the control-loop thread only (inside <c>Read</c>); must not allocate.</para>
/// </summary>
public interface IContactGeometry
{
    /// <summary>Copies the solids overlapping <paramref name="region"/> into <paramref name="destination"/>.</summary>
    /// <param name="region">Query box [m].</param>
    /// <param name="destination">Caller's buffer.</param>
    /// <returns>Number of solids copied (at most the buffer length; extra solids are ignored).</returns>
    int Query(in Box3 region, Span<ContactSolid> destination);

    /// <summary>
    /// Moves a movable solid along one axis, pushing movable solids in front of it and stopping at
    /// immovable ones (walls).
    /// </summary>
    /// <param name="id">Solid id from <see cref="Query"/>.</param>
    /// <param name="axis">0 = x, 1 = y, 2 = z.</param>
    /// <param name="amount">Requested displacement [m], signed.</param>
    /// <returns>The displacement achieved [m], same sign, |achieved| ≤ |amount|; 0 for walls.</returns>
    double Push(int id, int axis, double amount);
}
