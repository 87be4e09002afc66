namespace Stow.Sim.World;

/// <summary>How a placed item rests in its bin, derived from its box and its neighbours.</summary>
public enum ItemPose
{
    /// <summary>Lying flat: the item's shortest edge is vertical.</summary>
    Lying,

    /// <summary>Standing: the item's longest edge is vertical.</summary>
    Standing,

    /// <summary>On edge: the item's middle edge is vertical (a book stood on its long edge).</summary>
    OnEdge,

    /// <summary>
    /// Leaning: a tall, thin item (standing or on edge) with a lateral gap on both sides, so it rests tilted
    /// against a wall or a neighbour. Represented by the bounding box of its upright pose plus this flag.
    /// </summary>
    Leaning,
}
