using System.CommandLine;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Stow.Hardware.Ur;
using Stow.Hardware.Ur.Kinematics;
using Stow.Sim.Devices;
using Stow.Sim.Devices.Arm;
using Stow.Sim.Ur;

namespace Stow.Tools.Cli;

/// <summary>
/// <c>stowcell sim ur-controller --rtde-port P --secondary-port S --dashboard-port D</c>: runs the Universal Robots
/// controller emulator alone (RTDE, secondary interface, dashboard server) on a simulated arm, prints one line when
/// ready ("ur-controller ready rtde=P secondary=S dashboard=D", the bound ports; 0 picks free ones) and serves until
/// SIGTERM or Ctrl-C. Exit codes: 0 stopped by a signal, 2 bad input or a port that cannot be bound.
/// </summary>
public static class SimUrControllerCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The <c>ur-controller</c> command.</returns>
    public static Command Create()
    {
        var rtde = new Option<int>("--rtde-port") { Description = "RTDE port (0: free)", DefaultValueFactory = _ => 30004 };
        var secondary = new Option<int>("--secondary-port") { Description = "Secondary interface port (0: free)", DefaultValueFactory = _ => 30002 };
        var dashboard = new Option<int>("--dashboard-port") { Description = "Dashboard server port (0: free)", DefaultValueFactory = _ => 29999 };
        var bind = new Option<string>("--bind") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var model = new Option<string>("--model") { Description = "Arm model: ur3e, ur5e, ur10e, ur16e", DefaultValueFactory = _ => "ur10e" };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated arm's sensor noise", DefaultValueFactory = _ => 1 };
        var running = new Option<bool>("--running") { Description = "Start powered with brakes released (a controller boots to POWER_OFF)" };
        var cmd = new Command("ur-controller", "Run the UR e-Series controller emulator (RTDE, secondary, dashboard) until stopped");
        foreach (var o in new Option[] { rtde, secondary, dashboard, bind, model, seed, running })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(pr =>
        {
            UrControllerEmulator emulator;
            try
            {
                var cell = new SimCell(pr.GetValue(seed));
                var armOptions = new SimArmOptions { Model = UrDhParameters.ParseModel(pr.GetValue(model)!) };
                emulator = UrControllerEmulator.Start(cell, new UrControllerOptions
                {
                    BindAddress = pr.GetValue(bind)!,
                    RtdePort = pr.GetValue(rtde),
                    SecondaryPort = pr.GetValue(secondary),
                    DashboardPort = pr.GetValue(dashboard),
                    InitialRobotMode = pr.GetValue(running) ? UrRobotMode.Running : UrRobotMode.PowerOff,
                }, armOptions);
            }
            catch (Exception e) when (e is FormatException or SocketException)
            {
                Console.Error.WriteLine($"stowcell sim ur-controller: {e.Message}");
                return 2;
            }

            using (emulator)
            {
                using var stop = new ManualResetEventSlim(false);
                using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
                {
                    c.Cancel = true;
                    stop.Set();
                });
                using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c =>
                {
                    c.Cancel = true;
                    stop.Set();
                });
                Console.WriteLine($"ur-controller ready rtde={emulator.RtdePort} secondary={emulator.SecondaryPort} dashboard={emulator.DashboardPort}");
                Console.Out.Flush();
                stop.Wait();
            }

            return 0;
        });
        return cmd;
    }
}
