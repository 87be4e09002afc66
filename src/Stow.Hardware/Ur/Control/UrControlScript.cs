using System.Globalization;
using System.Text;

namespace Stow.Hardware.Ur.Control;

/// <summary>
/// The URScript program the driver sends through the secondary interface (port 30002) on activation: it loops on the
/// input registers (<see cref="UrControlRegisters"/>), runs <c>speedl</c> with the commanded twist each controller
/// step, runs <c>stopl</c> when the host's watchdog counter has not changed for the watchdog time or the command is
/// hold, and ends cleanly (after <c>stopl</c>) on the quit command. URScript functions as in the URScript manual
/// (e-Series): <c>read_input_integer_register</c>, <c>read_input_float_register</c>,
/// <c>write_output_integer_register</c>, <c>speedl(xd, a, t)</c>, <c>stopl(a)</c>, <c>get_steptime()</c>, <c>sync()</c>.
/// The first line is the header <see cref="Header"/> followed by the parameters, so an emulator can recognise it.
/// </summary>
public static class UrControlScript
{
    /// <summary>First token of the program's first line.</summary>
    public const string Header = "# stowcell-external-control v1";

    /// <summary>Builds the program text.</summary>
    /// <param name="watchdogTimeout">Time the watchdog counter may stall before the arm is stopped [s], &gt; 0.</param>
    /// <param name="acceleration">Tool acceleration of speedl and stopl [m/s²], &gt; 0.</param>
    /// <returns>The URScript text, newline-terminated.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not positive and finite.</exception>
    public static string Build(double watchdogTimeout, double acceleration)
    {
        if (!(watchdogTimeout > 0 && double.IsFinite(watchdogTimeout)))
        {
            throw new ArgumentOutOfRangeException(nameof(watchdogTimeout), watchdogTimeout, "watchdog time must be positive");
        }

        if (!(acceleration > 0 && double.IsFinite(acceleration)))
        {
            throw new ArgumentOutOfRangeException(nameof(acceleration), acceleration, "acceleration must be positive");
        }

        var w = watchdogTimeout.ToString("0.000###", CultureInfo.InvariantCulture);
        var a = acceleration.ToString("0.000###", CultureInfo.InvariantCulture);
        var r = UrControlRegisters.TwistFirst;
        var sb = new StringBuilder();
        sb.Append(Header).Append(" watchdog=").Append(w).Append(" acceleration=").Append(a).Append('\n');
        sb.Append("def stowcell_external_control():\n");
        sb.Append(CultureInfo.InvariantCulture, $"  write_output_integer_register({UrControlRegisters.ProgramState}, 1)\n");
        sb.Append(CultureInfo.InvariantCulture, $"  last_counter = read_input_integer_register({UrControlRegisters.WatchdogCounter})\n");
        sb.Append("  stalled = 0.0\n");
        sb.Append("  while True:\n");
        sb.Append(CultureInfo.InvariantCulture, $"    command = read_input_integer_register({UrControlRegisters.Command})\n");
        sb.Append(CultureInfo.InvariantCulture, $"    if command == {UrControlRegisters.CommandQuit}:\n      break\n    end\n");
        sb.Append(CultureInfo.InvariantCulture, $"    counter = read_input_integer_register({UrControlRegisters.WatchdogCounter})\n");
        sb.Append("    if counter == last_counter:\n      stalled = stalled + get_steptime()\n    else:\n      stalled = 0.0\n      last_counter = counter\n    end\n");
        sb.Append(CultureInfo.InvariantCulture, $"    if stalled > {w}:\n      write_output_integer_register({UrControlRegisters.WatchdogTripped}, 1)\n");
        sb.Append(CultureInfo.InvariantCulture, $"    else:\n      write_output_integer_register({UrControlRegisters.WatchdogTripped}, 0)\n    end\n");
        sb.Append(CultureInfo.InvariantCulture, $"    if command == {UrControlRegisters.CommandSpeed} and stalled <= {w}:\n");
        sb.Append(CultureInfo.InvariantCulture, $"      xd = [read_input_float_register({r}), read_input_float_register({r + 1}), read_input_float_register({r + 2}), read_input_float_register({r + 3}), read_input_float_register({r + 4}), read_input_float_register({r + 5})]\n");
        sb.Append(CultureInfo.InvariantCulture, $"      speedl(xd, {a}, get_steptime())\n");
        sb.Append(CultureInfo.InvariantCulture, $"    else:\n      stopl({a})\n      sync()\n    end\n");
        sb.Append("  end\n");
        sb.Append(CultureInfo.InvariantCulture, $"  stopl({a})\n");
        sb.Append(CultureInfo.InvariantCulture, $"  write_output_integer_register({UrControlRegisters.ProgramState}, 0)\n");
        sb.Append("end\n");
        sb.Append("stowcell_external_control()\n");
        return sb.ToString();
    }

    /// <summary>
    /// Reads the parameters back from a program's header line (the emulator's recognition of the program).
    /// </summary>
    /// <param name="script">Program text.</param>
    /// <param name="watchdogTimeout">Watchdog time [s].</param>
    /// <param name="acceleration">Acceleration [m/s²].</param>
    /// <returns>False when the first line is not this program's header with both parameters.</returns>
    public static bool TryParseHeader(string script, out double watchdogTimeout, out double acceleration)
    {
        watchdogTimeout = acceleration = 0;
        if (script is null)
        {
            return false;
        }

        var first = script.AsSpan().TrimStart();
        var nl = first.IndexOf('\n');
        var line = (nl < 0 ? first : first[..nl]).Trim().ToString();
        if (!line.StartsWith(Header + " ", StringComparison.Ordinal))
        {
            return false;
        }

        var ok = 0;
        foreach (var part in line[Header.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=');
            if (kv.Length == 2 && double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v))
            {
                if (kv[0] == "watchdog")
                {
                    watchdogTimeout = v;
                    ok |= 1;
                }
                else if (kv[0] == "acceleration")
                {
                    acceleration = v;
                    ok |= 2;
                }
            }
        }

        return ok == 3;
    }
}
