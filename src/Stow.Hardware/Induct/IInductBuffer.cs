using Stow.Core.Ids;
using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.Induct;

/// <summary>
/// Induct buffer next to the arm: items scanned (id) and measured (dimensions, weight).
/// <para>Threading: control-loop thread for <c>Read</c>/<c>Write</c>; <see cref="CopyItems"/> copies into
/// the caller's span without allocating. Lifecycle: items are listed in Inactive and Active;
/// <see cref="ConfirmPicked"/> only in Active.</para>
/// </summary>
public interface IInductBuffer : ICommandedComponent
{
    /// <summary>Number of items waiting.</summary>
    int Count { get; }

    /// <summary>Copies up to <c>destination.Length</c> waiting items, oldest first.</summary>
    /// <param name="destination">Where to copy.</param>
    /// <returns>The number copied.</returns>
    int CopyItems(Span<ScannedItem> destination);

    /// <summary>Tells the buffer the arm has taken <paramref name="id"/>.</summary>
    /// <param name="id">A waiting item.</param>
    /// <returns>Accepted, NotActive, or Invalid when the id is not waiting.</returns>
    CommandStatus ConfirmPicked(ItemId id);
}
