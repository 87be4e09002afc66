namespace Stow.Motion.Loop;

/// <summary>
/// The update stage of the control cycle (between hardware read and write), e.g. the motion runner.
/// <para>Threading: <see cref="Update"/> runs on the control-loop thread only. It must not allocate, block,
/// await, throw, or format strings.</para>
/// </summary>
public interface IController
{
    /// <summary>Computes and stores the next commands from the states just read.</summary>
    /// <param name="time">Cycle time [s].</param>
    /// <param name="period">Time since the previous cycle [s].</param>
    void Update(double time, double period);
}
