namespace Stow.Hardware.Ur.Rtde;

/// <summary>
/// An input recipe set up on the controller, with its own preallocated package buffer so that
/// <see cref="RtdeClient.Send"/> does not allocate. Threading: send one recipe from one thread at a time.
/// </summary>
public sealed class RtdeInputRecipe
{
    /// <summary>Creates the recipe.</summary>
    /// <param name="recipe">Id and fields as the controller confirmed them.</param>
    public RtdeInputRecipe(RtdeRecipe recipe)
    {
        Recipe = recipe;
        Buffer = new byte[recipe.PackageSize];
    }

    /// <summary>Id and fields.</summary>
    public RtdeRecipe Recipe { get; }

    /// <summary>The package buffer (header, id, fields).</summary>
    internal byte[] Buffer { get; }
}
