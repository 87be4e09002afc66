namespace Stow.Sim.Ur;

/// <summary>The emulated controller's program, as far as the emulator runs one.</summary>
public enum UrProgramState
{
    /// <summary>No program was ever loaded.</summary>
    None,

    /// <summary>The external-control program runs its register loop.</summary>
    Running,

    /// <summary>The program ended or was stopped (quit command, stop, protective stop, e-stop, power off).</summary>
    Stopped,
}
