using System.Globalization;
using Stow.Cell.Shift;

namespace Stow.Cell.Cli;

/// <summary>
/// Progress of a shift on stderr: a rewritten status line on a terminal, otherwise one line every
/// <see cref="LinesEvery"/> attempts (CI logs stay short). Called from the shift thread.
/// </summary>
internal sealed class ProgressPrinter(int total)
{
    private const int LinesEvery = 50;
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private int _lastLine = -1;

    public void Show(ShiftProgress p)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"items {p.Done}/{total}  attempts {p.Attempted}  stowed {p.Stowed} ({p.SuccessRate:P1})  pod {p.Pods} fill {p.PodFill:P0}  {p.State}  t={p.SimTime / 3600:0.00} h");
        if (_terminal)
        {
            Console.Error.Write("\r" + text.PadRight(110));
        }
        else if (p.Attempted / LinesEvery != _lastLine)
        {
            _lastLine = p.Attempted / LinesEvery;
            Console.Error.WriteLine(text);
        }
    }

    public void Done()
    {
        if (_terminal)
        {
            Console.Error.WriteLine();
        }
    }
}
