using System.Net.Sockets;
using System.Text;
using Stow.Hardware.Ur;
using Stow.Hardware.Ur.Dashboard;

namespace Stow.Sim.Ur;

/// <summary>
/// One dashboard server connection of the <see cref="UrControllerEmulator"/>: line commands with the reply texts of
/// the dashboard server manual (e-Series). Unknown commands get "could not understand: '...'".
/// </summary>
internal sealed class DashboardSession : LineSession
{
    public DashboardSession(UrControllerEmulator controller, Socket socket)
        : base(controller, socket, "ur-emulator-dashboard")
    {
    }

    protected override void OnOpen(TextWriter writer) => writer.WriteLine(UrDashboardClient.Greeting);

    protected override bool OnLine(string line, TextWriter writer)
    {
        var command = line.Trim();
        writer.WriteLine(Answer(command));
        return command != "quit";
    }

    private string Answer(string command)
    {
        var c = Controller;
        switch (command)
        {
            case "power on":
                c.SetPower(true);
                return "Powering on";
            case "power off":
                c.SetPower(false);
                return "Powering off";
            case "brake release":
                c.ReleaseBrakes();
                return "Brake releasing";
            case "play":
                return c.Play() ? "Starting program" : "Failed to execute: play";
            case "stop":
                return c.StopProgram() ? "Stopped" : "Failed to execute: stop";
            case "robotmode":
                return "Robotmode: " + UrNames.Name(c.RobotMode);
            case "safetymode":
                return "Safetymode: " + UrNames.Name(c.SafetyMode);
            case "safetystatus":
                return "Safetystatus: " + UrNames.Name(c.SafetyMode);
            case "unlock protective stop":
                return c.UnlockProtectiveStop() ?? "Protective stop releasing";
            case "close popup":
                return "closing popup";
            case "close safety popup":
                return "closing safety popup";
            case "running":
                return c.Program == UrProgramState.Running ? "Program running: true" : "Program running: false";
            case "programState":
                return c.Program == UrProgramState.Running ? "PLAYING stowcell_external_control" : "STOPPED stowcell_external_control";
            case "PolyscopeVersion":
                var v = c.Options.Version;
                return $"URSoftware {v.Major}.{v.Minor}.{v.Bugfix}.{v.Build} (emulated)";
            case "quit":
                return "Disconnected";
            default:
                return $"could not understand: '{command}'";
        }
    }
}
