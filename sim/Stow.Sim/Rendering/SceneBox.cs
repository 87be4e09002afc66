namespace Stow.Sim.Rendering;

using Stow.Core.Geometry;

/// <summary>
/// One item drawn as an axis-aligned box. Immutable value type.
/// </summary>
/// <param name="Box">The box in the pod-face frame [m] (x into the pod, y left, z up; see <see cref="Stow.Core.Pods.BinSpec"/>).</param>
/// <param name="Color">Colour of the box faces (front face too when there is no texture); see <see cref="CategoryColors"/>.</param>
/// <param name="TextureKey">
/// Optional path to an item photo (e.g. <c>../shared/data/items/arc2017/images/&lt;name&gt;.jpg</c>), drawn on
/// the front (−x) face with the photo's top at +z and its right at −y. Loaded once through
/// <see cref="TextureCache"/>; <c>null</c> draws <see cref="Color"/>.
/// </param>
public readonly record struct SceneBox(Box3 Box, RgbColor Color, string? TextureKey = null);
