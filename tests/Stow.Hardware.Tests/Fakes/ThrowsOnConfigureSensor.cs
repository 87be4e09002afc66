using Stow.Hardware.Lifecycle;

namespace Stow.Hardware.Tests.Fakes;

/// <summary>A sensor whose on_configure throws: the throw must become the error path, not escape.</summary>
public sealed class ThrowsOnConfigureSensor : HardwareComponent
{
    public ThrowsOnConfigureSensor(string name)
        : base(name)
    {
    }

    public override HardwareResult Read(double time, double period) => HardwareResult.Ok;

    protected override CallbackReturn OnConfigure() => throw new InvalidOperationException("port not found");
}
