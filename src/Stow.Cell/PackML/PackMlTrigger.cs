namespace Stow.Cell.PackML;

/// <summary>
/// What moves the PackML machine: one of the ten <see cref="PackMlCommand"/>s (same numeric values) or
/// <see cref="StateComplete"/>, the SC event an acting state raises when its work is done.
/// </summary>
public enum PackMlTrigger
{
    /// <summary>See <see cref="PackMlCommand.Reset"/>.</summary>
    Reset = PackMlCommand.Reset,

    /// <summary>See <see cref="PackMlCommand.Start"/>.</summary>
    Start = PackMlCommand.Start,

    /// <summary>See <see cref="PackMlCommand.Stop"/>.</summary>
    Stop = PackMlCommand.Stop,

    /// <summary>See <see cref="PackMlCommand.Hold"/>.</summary>
    Hold = PackMlCommand.Hold,

    /// <summary>See <see cref="PackMlCommand.Unhold"/>.</summary>
    Unhold = PackMlCommand.Unhold,

    /// <summary>See <see cref="PackMlCommand.Suspend"/>.</summary>
    Suspend = PackMlCommand.Suspend,

    /// <summary>See <see cref="PackMlCommand.Unsuspend"/>.</summary>
    Unsuspend = PackMlCommand.Unsuspend,

    /// <summary>See <see cref="PackMlCommand.Abort"/>.</summary>
    Abort = PackMlCommand.Abort,

    /// <summary>See <see cref="PackMlCommand.Clear"/>.</summary>
    Clear = PackMlCommand.Clear,

    /// <summary>See <see cref="PackMlCommand.Complete"/>.</summary>
    Complete = PackMlCommand.Complete,

    /// <summary>SC: the current acting state finished its work (TR88 "state complete").</summary>
    StateComplete = 11,
}
